package org.splitscope.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.collections.FXCollections;

/** The files opened or saved last, newest first, kept in the user's preferences between runs. */
public final class RecentFiles {
    static final int LIMIT = 8;
    private static final String KEY = "recent.";

    private final Preferences store;
    private final ReadOnlyListWrapper<Path> files =
            new ReadOnlyListWrapper<>(this, "files", FXCollections.observableArrayList());

    public RecentFiles(Preferences store) {
        this.store = store;
        List<Path> loaded = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String p = store.get(KEY + i, null);
            if (p != null) {
                loaded.add(Path.of(p));
            }
        }
        files.setAll(loaded);
    }

    public ReadOnlyListProperty<Path> filesProperty() {
        return files.getReadOnlyProperty();
    }

    /** Puts a file first (moving it if it was there already). */
    public void add(Path file) {
        Path f = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(f);
        next.add(0, f);
        while (next.size() > LIMIT) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        save();
    }

    public void remove(Path file) {
        files.remove(file);
        save();
    }

    private void save() {
        for (int i = 0; i < LIMIT; i++) {
            if (i < files.size()) {
                store.put(KEY + i, files.get(i).toString());
            } else {
                store.remove(KEY + i);
            }
        }
        try {
            store.flush();
        } catch (BackingStoreException e) {
            // the list still works for this session; it is only not remembered
        }
    }
}
