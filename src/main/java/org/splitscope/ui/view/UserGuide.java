package org.splitscope.ui.view;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.application.HostServices;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Help > User guide: {@code /guide/index.html} from the classpath, opened in the system browser
 * (the project has no web view). Inside a jar the page and the screenshots it names are copied to
 * a temporary folder first, laid out as on the classpath so that its relative links hold. Where no
 * browser can be launched (no host services, or on Linux none of the browsers JavaFX tries is on
 * the PATH) a dialog says where the guide is, in a field the path can be copied from.
 */
public final class UserGuide {
    static final String PAGE = "/guide/index.html";
    /** What JavaFX's host services try on Linux, in its order. */
    private static final String[] LINUX_BROWSERS = {"xdg-open", "google-chrome", "firefox", "opera", "konqueror", "mozilla"};
    private static final Pattern IMAGE = Pattern.compile("src=\"\\.\\./(assets/screenshots/[A-Za-z0-9._-]+\\.png)\"");
    private static HostServices hostServices;
    private static Path extracted;

    private UserGuide() {
    }

    /** The application's host services (none in tests and snapshots: the fallback dialog then answers). */
    public static void useHostServices(HostServices services) {
        hostServices = services;
    }

    /** Opens the guide in the browser, or shows where it is; never throws. */
    public static void open(Window owner) {
        Path page;
        try {
            page = page();
        } catch (IOException | UncheckedIOException | URISyntaxException e) {
            Dialogs.error(owner, "The user guide cannot be opened", "SplitScope could not copy its guide to a temporary "
                    + "folder. Is the disk full, or the temporary folder read-only?");
            return;
        }
        if (hostServices != null && browserAvailable()) {
            hostServices.showDocument(page.toUri().toString());
        } else {
            showWhere(owner, page);
        }
    }

    /** The guide as a file: where it lies when the classes are a folder, else a copy in a temporary folder. */
    static synchronized Path page() throws IOException, URISyntaxException {
        URL url = UserGuide.class.getResource(PAGE);
        if (url == null) {
            throw new IOException("the guide is not bundled with this build");
        }
        if ("file".equals(url.getProtocol())) {
            return Path.of(url.toURI());
        }
        if (extracted == null || !Files.exists(extracted)) {
            Path root = Files.createTempDirectory("splitscope-guide");
            root.toFile().deleteOnExit();
            Path page = copy(PAGE.substring(1), root);
            for (String image : images(Files.readString(page))) {
                copy(image, root);
            }
            extracted = page;
        }
        return extracted;
    }

    /** The screenshots the page shows, as classpath paths (they lie beside /guide under /assets). */
    static Set<String> images(String html) {
        Set<String> all = new LinkedHashSet<>();
        Matcher m = IMAGE.matcher(html);
        while (m.find()) {
            all.add(m.group(1));
        }
        return all;
    }

    /** Copies one classpath resource below root; a missing screenshot is left out (the page shows its alt text). */
    private static Path copy(String resource, Path root) throws IOException {
        Path target = root.resolve(resource);
        try (InputStream in = UserGuide.class.getResourceAsStream("/" + resource)) {
            if (in != null) {
                Files.createDirectories(target.getParent());
                // deleted at exit in the reverse order of these calls: the file, then its folders up to root
                Path folder = root;
                for (Path name : root.relativize(target.getParent())) {
                    folder = folder.resolve(name.toString());
                    folder.toFile().deleteOnExit();
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                target.toFile().deleteOnExit();
            }
        }
        return target;
    }

    static boolean browserAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String browser : LINUX_BROWSERS) {
                if (Files.isExecutable(Path.of(dir, browser))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void showWhere(Window owner, Path page) {
        TextField where = new TextField(page.toString());
        where.setEditable(false);
        where.setId("guide-path");
        where.setPrefColumnCount(Math.min(60, page.toString().length() + 2));
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("SplitScope user guide");
        a.setHeaderText("No web browser could be started. The guide is a web page here; open it in any browser:");
        a.getDialogPane().setContent(new VBox(6, where, new Label("(select the path and copy it with Ctrl+C)")));
        a.getDialogPane().setId("guide-dialog");
        a.show();
    }
}
