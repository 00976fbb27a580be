package org.splitscope.ui.model;

/** The look of the window: each theme is a stylesheet of colours in {@code assets/}. */
public enum Theme {
    LIGHT("Light", "/assets/theme-light.css"),
    DARK("Dark", "/assets/theme-dark.css");

    /** Layout and shapes shared by both themes; colours come from the theme's sheet. */
    public static final String BASE_STYLESHEET = "/assets/splitscope.css";

    private final String label;
    private final String stylesheet;

    Theme(String label, String stylesheet) {
        this.label = label;
        this.stylesheet = stylesheet;
    }

    public String label() {
        return label;
    }

    /** Classpath resource of the theme's colours. */
    public String stylesheet() {
        return stylesheet;
    }
}
