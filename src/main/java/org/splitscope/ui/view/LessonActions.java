package org.splitscope.ui.view;

import java.io.File;
import java.nio.file.Path;

import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.splitscope.io.LessonFiles;
import org.splitscope.io.LessonFiles.StartedLesson;
import org.splitscope.io.Loaded;
import org.splitscope.ui.model.BundledLessons;
import org.splitscope.ui.model.LessonModel;

/** Help > Lessons: start a bundled lesson or a lesson file, after asking about unsaved changes. */
public final class LessonActions {
    private final LessonModel lessons;
    private final FileActions files;
    private final Window owner;

    public LessonActions(LessonModel lessons, FileActions files, Window owner) {
        this.lessons = lessons;
        this.files = files;
        this.owner = owner;
    }

    public void startBundled(String name) {
        start(BundledLessons.load(name), name);
    }

    public void open() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open lesson");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lessons", "*" + LessonFiles.SUFFIX));
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            startFile(f.toPath());
        }
    }

    public void startFile(Path file) {
        start(LessonFiles.read(file), file.getFileName().toString());
    }

    /** A lesson that cannot be read changes nothing; the problems are shown with their fields. */
    private void start(Loaded<StartedLesson> loaded, String what) {
        if (!loaded.isOk()) {
            Dialogs.problems(owner, "Cannot start the lesson " + what, loaded.problems());
            return;
        }
        if (files.mayDiscardChanges()) {
            lessons.start(loaded.value());
        }
    }
}
