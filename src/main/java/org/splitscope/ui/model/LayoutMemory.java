package org.splitscope.ui.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * How the window is divided, remembered between runs: the share of height each region of the
 * main split takes (one set for the desk, one for presentation mode, whose larger fonts need other
 * shares), the two dividers of the editor, and which regions are shown. Whether the lower tabs
 * fill the window is not remembered: a new run starts with every region the user left shown.
 */
public final class LayoutMemory {
    /** The main split's regions, top to bottom. */
    public enum Region {
        STRIP, EDITOR, RESULTS
    }

    /** Shares of height at the desk: the strip, the editor, the summary and tabs (dividers at 0.22, 0.50). */
    static final Map<Region, Double> DESK = shares(0.22, 0.28, 0.50);
    /** Shares in presentation mode: the tabs take two thirds, so a projected chart is seen whole at 1280x720. */
    static final Map<Region, Double> PRESENTATION = shares(0.24, 0.10, 0.66);
    public static final double EDITOR_SPLIT = 0.62;
    static final double SIDE_SPLIT = 0.5;
    /** A divider never closes a region completely; collapsing is a command of its own. */
    private static final double LEAST = 0.02;

    private final Preferences store;
    private final BooleanProperty stripShown;
    private final BooleanProperty editorShown;
    private final BooleanProperty summaryShown;
    private final BooleanProperty tabsFillWindow = new SimpleBooleanProperty(this, "tabsFillWindow");

    public LayoutMemory(Preferences store) {
        this.store = store;
        stripShown = remembered("shown.strip");
        editorShown = remembered("shown.editor");
        summaryShown = remembered("shown.summary");
    }

    private BooleanProperty remembered(String key) {
        BooleanProperty p = new SimpleBooleanProperty(this, key, store.getBoolean(key, true));
        p.addListener((o, was, now) -> store.putBoolean(key, now));
        return p;
    }

    public BooleanProperty stripShownProperty() {
        return stripShown;
    }

    public BooleanProperty editorShownProperty() {
        return editorShown;
    }

    public BooleanProperty summaryShownProperty() {
        return summaryShown;
    }

    /** The lower tabs take the whole window (the other regions hidden until this is off again). */
    public BooleanProperty tabsFillWindowProperty() {
        return tabsFillWindow;
    }

    /** The main split's regions on screen now, top to bottom. */
    public List<Region> shownRegions() {
        if (tabsFillWindow.get()) {
            return List.of(Region.RESULTS);
        }
        List<Region> shown = new java.util.ArrayList<>();
        if (stripShown.get()) {
            shown.add(Region.STRIP);
        }
        if (editorShown.get()) {
            shown.add(Region.EDITOR);
        }
        shown.add(Region.RESULTS);
        return shown;
    }

    /** The main split's divider positions for these regions: their remembered shares, summed and scaled to 1. */
    public double[] dividerPositions(boolean presentation, List<Region> regions) {
        Map<Region, Double> shares = shares(presentation);
        double total = regions.stream().mapToDouble(shares::get).sum();
        double[] positions = new double[regions.size() - 1];
        double sum = 0;
        for (int i = 0; i < positions.length; i++) {
            sum += shares.get(regions.get(i));
            positions[i] = sum / total;
        }
        return positions;
    }

    /**
     * Remembers where the user put the main split's dividers. The shown regions keep their sum of
     * shares, so a hidden region comes back with the share it had.
     */
    public void rememberDividers(boolean presentation, List<Region> regions, double[] positions) {
        if (positions.length != regions.size() - 1) {
            throw new IllegalArgumentException(regions.size() + " regions have " + (regions.size() - 1)
                    + " dividers, not " + positions.length);
        }
        Map<Region, Double> shares = shares(presentation);
        double total = regions.stream().mapToDouble(shares::get).sum();
        double previous = 0;
        for (int i = 0; i < regions.size(); i++) {
            double next = i < positions.length ? clamp(positions[i]) : 1;
            double fraction = Math.max(LEAST, next - previous);
            store.putDouble(key(presentation, regions.get(i)), fraction * total);
            previous = Math.max(previous, next);
        }
    }

    /**
     * Whether the user has dragged the main split's dividers in this mode: the window then keeps
     * their shares, where on a first run it gives the lower tabs room on a low screen first.
     */
    public boolean remembersDividers(boolean presentation) {
        for (Region r : Region.values()) {
            if (store.get(key(presentation, r), null) != null) {
                return true;
            }
        }
        return false;
    }

    /** Shares of height of every region in the given mode, from the store where it holds sensible ones. */
    Map<Region, Double> shares(boolean presentation) {
        Map<Region, Double> defaults = presentation ? PRESENTATION : DESK;
        Map<Region, Double> shares = new EnumMap<>(Region.class);
        for (Region r : Region.values()) {
            double s = store.getDouble(key(presentation, r), defaults.get(r));
            shares.put(r, Double.isFinite(s) && s > 0 && s <= 10 ? s : defaults.get(r));
        }
        return shares;
    }

    /** Topology editor | property sheet and problems. */
    public double editorDivider() {
        return position("divider.editor", EDITOR_SPLIT);
    }

    public void rememberEditorDivider(double position) {
        store.putDouble("divider.editor", clamp(position));
    }

    /** Property sheet above, problems below. */
    public double sideDivider() {
        return position("divider.side", SIDE_SPLIT);
    }

    public void rememberSideDivider(double position) {
        store.putDouble("divider.side", clamp(position));
    }

    private double position(String key, double fallback) {
        double p = store.getDouble(key, fallback);
        return Double.isFinite(p) && p > 0 && p < 1 ? p : fallback;
    }

    /** Every region shown, every divider where a new user finds it. */
    public void reset() {
        try {
            store.clear();
        } catch (BackingStoreException e) {
            // the defaults below still hold for this session
        }
        tabsFillWindow.set(false);
        stripShown.set(true);
        editorShown.set(true);
        summaryShown.set(true);
    }

    /** Writes what is remembered to disk now (the store would on its own, later). */
    public void flush() {
        try {
            store.flush();
        } catch (BackingStoreException e) {
            // the layout still works for this session; it is only not remembered
        }
    }

    private static String key(boolean presentation, Region r) {
        return (presentation ? "presentation." : "desk.") + r.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static double clamp(double position) {
        return Math.min(1 - LEAST, Math.max(LEAST, position));
    }

    private static Map<Region, Double> shares(double strip, double editor, double results) {
        return Map.of(Region.STRIP, strip, Region.EDITOR, editor, Region.RESULTS, results);
    }
}
