package io.fleetlab.viewer.app;

import io.fleetlab.simulator.result.SimulationResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import picocli.CommandLine;

/** The viewer window: a toolbar to open a result file and the {@link ResultView} of the open one. */
public final class ViewerApp extends Application {
    private final BorderPane root = new BorderPane();
    private final Label fileLabel = new Label("no result open");
    private Stage stage;
    /** Where the chooser opens: the open file's directory, else {@code results/} (the simulator's output). */
    private File lastDirectory;

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        ViewerOptions options = new ViewerOptions();
        new CommandLine(options).parseArgs(getParameters().getRaw().toArray(String[]::new));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        primaryStage.setScene(new Scene(createRoot(), Math.min(1280, screen.getWidth()), Math.min(860, screen.getHeight())));
        primaryStage.setTitle("fleetlab viewer");
        primaryStage.show();
        options.result().ifPresent(this::open);
    }

    /** The window's content; separate from {@link #start} so tests can host it in their own stage. */
    public BorderPane createRoot() {
        Button open = new Button("Open result\u2026");
        open.setId("openButton");
        open.setOnAction(e -> chooseAndOpen());
        fileLabel.setId("fileLabel");
        root.setTop(new ToolBar(open, fileLabel));
        Label hint = new Label("Open a simulation result file (JSON) to see its ring, membership, redistribution, agreement and load.");
        hint.setId("hint");
        root.setCenter(hint);
        return root;
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open simulation result");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Result files (*.json)", "*.json"));
        File start = lastDirectory != null ? lastDirectory : new File("results");
        if (start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Opens {@code file}, or explains in a dialog why it cannot. */
    public void open(Path file) {
        try {
            show(ResultLoader.load(file), file);
        } catch (IOException | RuntimeException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("Cannot open " + file.getFileName());
            alert.show();
        }
    }

    /** Shows an already loaded result. */
    public ResultView show(SimulationResult result, Path file) {
        ResultView view = new ResultView(result);
        root.setCenter(view);
        fileLabel.setText(file.toAbsolutePath().toString());
        Path parent = file.toAbsolutePath().getParent();
        lastDirectory = parent == null ? null : parent.toFile();
        if (stage != null) {
            stage.setTitle("fleetlab viewer \u2014 " + file.getFileName());
        }
        return view;
    }
}
