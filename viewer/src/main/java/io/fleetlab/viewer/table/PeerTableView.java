package io.fleetlab.viewer.table;

import java.util.function.Function;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The observer's peer table at the selected time: name, address, state, self. */
public final class PeerTableView extends TableView<PeerRow> {
    private final PeerTableReplay replay;

    public PeerTableView(PeerTableReplay replay) {
        this.replay = replay;
        setId("peerTable");
        getColumns().add(column("Name", r -> r.name()));
        getColumns().add(column("Address", r -> r.address()));
        getColumns().add(column("State", PeerRow::stateName));
        TableColumn<PeerRow, Boolean> self = new TableColumn<>("Self");
        self.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().self()));
        getColumns().add(self);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("no peers known to " + replay.observer() + " yet"));
    }

    /** Shows the table as it was at simulated time {@code t}. */
    public void showAt(double t) {
        List<PeerRow> rows = replay.at(t);
        if (!rows.equals(getItems())) {
            setItems(FXCollections.observableArrayList(rows));
        }
    }

    private static TableColumn<PeerRow, String> column(String title, Function<PeerRow, String> value) {
        TableColumn<PeerRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
