package io.fleetlab.viewer.table;

import io.fleetlab.simulator.result.MembershipStats;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What the gossip protocol did: how long each change took to reach the live nodes (against the
 * epidemic model), how long each crash took to be declared, false alarms and traffic.
 */
public final class ProtocolView extends VBox {
    private final TableView<MembershipStats.Convergence> convergence = new TableView<>();
    private final TableView<MembershipStats.Detection> detections = new TableView<>();

    public ProtocolView(MembershipStats stats) {
        this(stats, "");
    }

    /** @param title what the figure shows and of which run; shown above the summary when not empty */
    public ProtocolView(MembershipStats stats, String title) {
        super(6);
        setId("protocolView");
        setPadding(new Insets(6));
        setStyle("-fx-background-color: white;");
        convergence.setId("convergenceTable");
        detections.setId("detectionTable");
        Label summary = new Label(summary(stats));
        summary.setId("protocolSummary");
        summary.setStyle("-fx-font-size: 14px;");

        convergence.getColumns().add(column("Time (s)", c -> seconds(c.time())));
        convergence.getColumns().add(column("Kind", c -> c.kind().label()));
        convergence.getColumns().add(column("Node", MembershipStats.Convergence::node));
        convergence.getColumns().add(column("p50 (s)", c -> seconds(c.p50())));
        convergence.getColumns().add(column("p90 (s)", c -> seconds(c.p90())));
        convergence.getColumns().add(column("p99 (s)", c -> seconds(c.p99())));
        convergence.getColumns().add(column("all (s)", c -> seconds(c.p100())));
        convergence.getColumns().add(column("model p90 (s)", c -> seconds(c.modelP90())));
        convergence.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        detections.getColumns().add(column("Crash at (s)", d -> seconds(d.time())));
        detections.getColumns().add(column("Node", MembershipStats.Detection::node));
        detections.getColumns().add(column("first declared dead after (s)", d -> seconds(d.firstDead())));
        detections.getColumns().add(column("all declared dead after (s)", d -> seconds(d.allDead())));
        detections.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        if (stats != null) {
            convergence.setItems(FXCollections.observableArrayList(orEmpty(stats.convergence())));
            detections.setItems(FXCollections.observableArrayList(orEmpty(stats.detections())));
        }
        setVgrow(convergence, Priority.ALWAYS);
        setVgrow(detections, Priority.SOMETIMES);
        if (!title.isEmpty()) {
            Label heading = new Label(title);
            heading.setId("protocolTitle");
            heading.setStyle("-fx-font-size: 16px;");
            getChildren().add(heading);
        }
        getChildren().addAll(summary, new Label("Convergence: time until live nodes saw each change"), convergence,
                new Label("Failure detection"), detections);
    }

    public TableView<MembershipStats.Convergence> convergence() {
        return convergence;
    }

    public TableView<MembershipStats.Detection> detections() {
        return detections;
    }

    private static String summary(MembershipStats s) {
        if (s == null) {
            return "no protocol figures recorded";
        }
        return String.format(Locale.ROOT,
                "false suspicions %d, false deaths %d; per node %.1f messages/s, %.0f bytes/s",
                s.falseSuspicions(), s.falseDeaths(), s.messagesPerNodePerSecond(), s.bytesPerNodePerSecond());
    }

    /** Seconds with millisecond precision; "never" where the schema writes NaN. */
    static String seconds(double s) {
        return Double.isNaN(s) ? "never" : String.format(Locale.ROOT, "%.3f", s);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
