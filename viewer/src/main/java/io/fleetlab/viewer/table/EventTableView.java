package io.fleetlab.viewer.table;

import io.fleetlab.simulator.result.MembershipEvent;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The membership events of a run, one row each, in time order; the slider selects the latest. */
public final class EventTableView extends TableView<MembershipEvent> {

    public EventTableView(List<MembershipEvent> events) {
        setId("eventTable");
        getColumns().add(column("Time (s)", e -> String.format(Locale.ROOT, "%.3f", e.time())));
        getColumns().add(column("Kind", e -> e.kind().label()));
        getColumns().add(column("Node", MembershipEvent::node));
        getColumns().add(column("By", MembershipEvent::by));
        getColumns().add(column("Detail", MembershipEvent::detail));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setItems(FXCollections.observableArrayList(events == null ? List.of() : events));
    }

    /** Selects the latest event at or before {@code t} and scrolls it into view; nothing before the first. */
    public void showAt(double t) {
        int latest = -1;
        for (int i = 0; i < getItems().size() && getItems().get(i).time() <= t; i++) {
            latest = i;
        }
        if (latest < 0) {
            getSelectionModel().clearSelection();
        } else {
            getSelectionModel().clearAndSelect(latest);
            scrollTo(Math.max(0, latest - 3));
        }
    }

    private static TableColumn<MembershipEvent, String> column(String title, Function<MembershipEvent, String> value) {
        TableColumn<MembershipEvent, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
