package org.splitscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.splitscope.io.Loaded;
import org.splitscope.io.ProfileFiles;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;

/** How the commands that make a profile from a model report problems and write the result. */
final class ProfileOutput {
    private ProfileOutput() {
    }

    /** Prints the warnings, and the problems when there is no value; returns whether there is one. */
    static boolean printed(Path model, Loaded<?> loaded, PrintWriter err) {
        for (Problem w : loaded.warnings()) {
            err.println("warning: " + model + ": " + w);
        }
        if (!loaded.isOk()) {
            int n = loaded.problems().size();
            err.println(model + ": cannot import (" + n + " problem" + (n == 1 ? "" : "s") + "):");
            loaded.problems().forEach(p -> err.println("  " + p));
        }
        return loaded.isOk();
    }

    /** Writes the profile; returns {@link ExitCodes#OK} or, after printing why, {@link ExitCodes#IO_ERROR}. */
    static int write(ModelProfile profile, Path output, PrintWriter err) {
        try {
            ProfileFiles.write(profile, output);
            return ExitCodes.OK;
        } catch (NoSuchFileException e) {
            Path folder = output.toAbsolutePath().getParent();
            err.println("cannot write " + output + ": the folder " + folder + " does not exist");
        } catch (IOException e) {
            err.println("cannot write " + output + ": " + e.getMessage());
        }
        return ExitCodes.IO_ERROR;
    }
}
