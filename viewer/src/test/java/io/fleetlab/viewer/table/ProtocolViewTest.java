package io.fleetlab.viewer.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.simulator.result.MembershipStats;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.viewer.app.ResultLoader;
import io.fleetlab.viewer.sample.SampleResult;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ProtocolViewTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void tablesHoldTheFilesConvergenceAndDetections(FxRobot robot) throws Exception {
        SimulationResult result = ResultLoader.load(SampleResult.file());
        ProtocolView view = WaitForAsyncUtils.asyncFx(() -> new ProtocolView(result.membership())).get();
        robot.interact(() -> {
            stage.setScene(new Scene(view, 900, 600));
            stage.show();
        });
        assertEquals(result.membership().convergence(), view.convergence().getItems());
        assertEquals(result.membership().detections(), view.detections().getItems());
        String summary = robot.lookup("#protocolSummary").queryAs(Label.class).getText();
        assertTrue(summary.contains("false suspicions 0") && summary.contains("9.8 messages/s"), summary);
    }

    @Test
    void undetectedCrashReadsNever(FxRobot robot) throws Exception {
        MembershipStats stats = new MembershipStats(List.of(),
                List.of(new MembershipStats.Detection(10, "n1", Double.NaN, Double.NaN)), 2, 1, 3.0, 100.0);
        ProtocolView view = WaitForAsyncUtils.asyncFx(() -> new ProtocolView(stats)).get();
        robot.interact(() -> {
            stage.setScene(new Scene(view, 900, 600));
            stage.show();
        });
        assertEquals("never", view.detections().getColumns().get(2).getCellData(0));
        assertEquals("10.000", view.detections().getColumns().get(0).getCellData(0));
    }
}
