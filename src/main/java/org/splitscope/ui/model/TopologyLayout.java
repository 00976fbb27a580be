package org.splitscope.ui.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.NodePlace;
import org.splitscope.model.Topology;
import org.splitscope.model.ViewSettings;

/**
 * Where the topology canvas draws nodes, bands and links, in pixels at 100 % zoom. Tiers are
 * horizontal bands, end devices on top; a band is as tall as its nodes need. A node's place is
 * its centre: x from the canvas's left, y from the top of its band. Plain geometry, so that it is
 * tested without a window.
 */
public final class TopologyLayout {
    /** The box a node's glyph is drawn in (its icon, name and source/sink badge). */
    public static final double NODE_WIDTH = 96;
    public static final double NODE_HEIGHT = 72;
    /** Room for the band's name above its nodes. */
    public static final double HEADER = 20;
    static final double MARGIN = 12;
    /** Distance between the centres of neighbouring columns and rows of a tidy layout. */
    static final double COLUMN = 160;
    static final double ROW = 116;
    /** Odd columns sit lower, so that three nodes of a row are not on one line and links between them run apart. */
    static final double ZIGZAG = 30;
    static final double FIRST_Y = HEADER + MARGIN + NODE_HEIGHT / 2;
    /** A band without nodes is only as tall as its name and a drop target need. */
    static final double EMPTY_BAND = 40;
    static final double MIN_BAND = HEADER + NODE_HEIGHT + 2 * MARGIN;
    /** The area an old scenario without places is laid out for, until the user tidies it for the window. */
    static final double DEFAULT_WIDTH = 960;
    static final double DEFAULT_HEIGHT = 420;
    /** How far a link may bow to find a free spot for its middle, in steps of {@link #BOW_STEP}. */
    static final int MAX_BOW_STEPS = 7;
    static final double BOW_STEP = 22;
    /** Two link middles closer than this are hard to tell apart with the mouse. */
    static final double MIDDLE_SPACING = 14;

    private TopologyLayout() {
    }

    public record Point(double x, double y) {
        public double distance(Point o) {
            return Math.hypot(x - o.x, y - o.y);
        }
    }

    /**
     * How a link is drawn: a curve from one node's centre to the other's through {@code middle},
     * which is where it is clicked and labelled; {@code control} is the curve's control point.
     */
    public record LinkRoute(String link, Point from, Point to, Point middle, Point control) {
    }

    /** The bands' tops, one per tier, and the canvas's height as the last entry. */
    public record Bands(double[] tops) {
        public int count() {
            return tops.length - 1;
        }

        public double top(int tier) {
            return tops[Math.max(0, Math.min(count(), tier))];
        }

        public double height(int tier) {
            return tops[tier + 1] - tops[tier];
        }

        public double total() {
            return tops[count()];
        }

        /** The tier whose band holds y (the first or last band beyond the edges). */
        public int tierAt(double y) {
            for (int k = 0; k < count(); k++) {
                if (y < tops[k + 1]) {
                    return k;
                }
            }
            return count() - 1;
        }
    }

    // ---- colours ----

    /** Every node's colour (see {@link ViewSettings#colours}). */
    public static Map<String, Integer> colours(Topology t, ViewSettings v) {
        return v.colours(t);
    }

    // ---- places ----

    /**
     * Every node of the topology with a place, in node order: its own, or for a scenario with none
     * a tidy layout, or for a node added elsewhere (an import, a file edited by hand) free space in
     * its band. Places of nodes the topology does not have are left out.
     */
    public static ViewSettings complete(Topology t, ViewSettings v) {
        boolean anyPlaced = t.nodes().stream().anyMatch(n -> v.place(n.id()) != null);
        if (!anyPlaced) {
            return tidy(t, v, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        }
        Map<String, Integer> colours = colours(t, v);
        List<NodePlace> placed = new ArrayList<>();
        for (Node n : t.nodes()) {
            NodePlace p = v.place(n.id());
            if (p != null) {
                placed.add(p);
            }
        }
        List<NodePlace> all = new ArrayList<>();
        for (Node n : t.nodes()) {
            NodePlace p = v.place(n.id());
            if (p == null) {
                p = freeSpot(t, placed, n.tier(), n.id(), colours.get(n.id()));
                placed.add(p);
            }
            all.add(p);
        }
        return new ViewSettings(all);
    }

    /**
     * Lays every node out afresh for an area of this size: each tier's nodes in rows of as many
     * columns as make the whole need the least zooming out (fewer rows on a tie), rows centred,
     * odd columns a little lower. Colours stay.
     */
    public static ViewSettings tidy(Topology t, ViewSettings v, double width, double height) {
        Map<String, Integer> colours = colours(t, v);
        Map<Integer, List<Node>> tiers = byTier(t);
        int widest = tiers.values().stream().mapToInt(List::size).max().orElse(1);
        int bandCount = bandCount(t);
        int columns = widest;
        double best = -1;
        for (int rows = 1; rows <= widest; rows++) {
            int c = (int) Math.ceil(widest / (double) rows);
            if (rows > 1 && Math.ceil(widest / (double) c) < rows) {
                continue; // the same columns as fewer rows
            }
            double w = c * COLUMN + 2 * MARGIN;
            double h = 0;
            for (int k = 0; k < bandCount; k++) {
                List<Node> tier = tiers.getOrDefault(k, List.of());
                h += tier.isEmpty() ? EMPTY_BAND : gridBandHeight(tier.size(), c);
            }
            double scale = Math.min(Math.max(1, width) / w, Math.max(1, height) / h);
            if (scale > best + 1e-9) {
                best = scale;
                columns = c;
            }
        }
        List<NodePlace> places = new ArrayList<>();
        for (Node n : t.nodes()) {
            List<Node> tier = tiers.get(n.tier());
            int i = tier.indexOf(n);
            int row = i / columns;
            int col = i % columns;
            int inRow = Math.min(columns, tier.size() - row * columns);
            double x = MARGIN + COLUMN / 2 + (columns - inRow) * COLUMN / 2 + col * COLUMN;
            double y = FIRST_Y + row * ROW + (tier.size() > 2 && col % 2 == 1 ? ZIGZAG : 0);
            places.add(new NodePlace(n.id(), x, y, colours.get(n.id())));
        }
        return new ViewSettings(places);
    }

    private static double gridBandHeight(int nodes, int columns) {
        int rows = (int) Math.ceil(nodes / (double) columns);
        double bottom = FIRST_Y + (rows - 1) * ROW + (nodes > 2 && columns > 1 ? ZIGZAG : 0);
        return Math.max(MIN_BAND, bottom + NODE_HEIGHT / 2 + MARGIN);
    }

    /**
     * The first spot of the band's grid, row by row, where a node overlaps none of the band's
     * nodes (with a gap for a link between them).
     */
    public static NodePlace freeSpot(Topology t, List<NodePlace> placed, int tier, String id, int colour) {
        List<NodePlace> band = new ArrayList<>();
        double right = DEFAULT_WIDTH;
        for (NodePlace p : placed) {
            Node n = t.node(p.node());
            right = Math.max(right, p.x() + NODE_WIDTH / 2 + MARGIN);
            if (n != null && n.tier() == tier && !p.node().equals(id)) {
                band.add(p);
            }
        }
        int columns = Math.max(1, (int) ((right - 2 * MARGIN) / COLUMN));
        for (int row = 0; ; row++) {
            for (int col = 0; col < columns; col++) {
                double x = MARGIN + COLUMN / 2 + col * COLUMN;
                double y = FIRST_Y + row * ROW;
                if (band.stream().noneMatch(p -> overlap(p.x(), p.y(), x, y, COLUMN - NODE_WIDTH, ROW - NODE_HEIGHT))) {
                    return new NodePlace(id, x, y, colour);
                }
            }
        }
    }

    /** Whether two node boxes with these centres come closer than the gaps. */
    static boolean overlap(double x1, double y1, double x2, double y2, double gapX, double gapY) {
        return Math.abs(x1 - x2) < NODE_WIDTH + gapX && Math.abs(y1 - y2) < NODE_HEIGHT + gapY;
    }

    // ---- bands ----

    /** Tiers shown: at least end devices, edge and cloud, and up to the highest tier in use. */
    public static int bandCount(Topology t) {
        int max = 2;
        for (Node n : t.nodes()) {
            max = Math.max(max, n.tier());
        }
        return max + 1;
    }

    /** The bands for these places: each as tall as its lowest node needs. */
    public static Bands bands(Topology t, ViewSettings complete) {
        int count = bandCount(t);
        double[] heights = new double[count];
        java.util.Arrays.fill(heights, EMPTY_BAND);
        for (Node n : t.nodes()) {
            NodePlace p = complete.place(n.id());
            if (p != null) {
                heights[n.tier()] = Math.max(Math.max(heights[n.tier()], MIN_BAND), p.y() + NODE_HEIGHT / 2 + MARGIN);
            }
        }
        double[] tops = new double[count + 1];
        for (int k = 0; k < count; k++) {
            tops[k + 1] = tops[k] + heights[k];
        }
        return new Bands(tops);
    }

    /** Every node's centre on the canvas. */
    public static Map<String, Point> centres(Topology t, ViewSettings complete, Bands bands) {
        Map<String, Point> centres = new LinkedHashMap<>();
        for (Node n : t.nodes()) {
            NodePlace p = complete.place(n.id());
            if (p != null) {
                centres.put(n.id(), new Point(p.x(), bands.top(n.tier()) + p.y()));
            }
        }
        return centres;
    }

    /** The canvas's width: the rightmost node's box and a margin. */
    public static double width(ViewSettings complete) {
        double w = 0;
        for (NodePlace p : complete.nodes()) {
            w = Math.max(w, p.x() + NODE_WIDTH / 2 + MARGIN);
        }
        return w;
    }

    // ---- links ----

    /**
     * Each link's curve. A link is straight unless its middle would be under a node or on another
     * link's middle; then it bows, a step at a time to either side, to the nearest free spot, so
     * that every link can be seen and clicked.
     */
    public static List<LinkRoute> routes(Topology t, Map<String, Point> centres) {
        List<Point> nodes = new ArrayList<>(centres.values());
        SpotGrid middles = new SpotGrid(MIDDLE_SPACING);
        List<LinkRoute> routes = new ArrayList<>();
        for (Link l : t.links()) {
            Point a = centres.get(l.from());
            Point b = centres.get(l.to());
            if (a == null || b == null) {
                continue;
            }
            Point mid = new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
            double len = Math.max(1e-9, a.distance(b));
            // the normal, turned the same way whichever end the link starts from
            double nx = -(b.y() - a.y()) / len;
            double ny = (b.x() - a.x()) / len;
            if (ny < 0 || ny == 0 && nx < 0) {
                nx = -nx;
                ny = -ny;
            }
            Point chosen = null;
            double chosenBow = 0;
            int fewest = Integer.MAX_VALUE;
            for (int step = 0; step <= 2 * MAX_BOW_STEPS && fewest > 0; step++) {
                double bow = (step + 1) / 2 * BOW_STEP * (step % 2 == 1 ? 1 : -1);
                Point m = new Point(mid.x() + nx * bow, mid.y() + ny * bow);
                int clashes = (underNode(m, nodes) ? 2 : 0) + (middles.near(m) ? 1 : 0);
                if (clashes < fewest) {
                    fewest = clashes;
                    chosen = m;
                    chosenBow = bow;
                }
            }
            middles.add(chosen);
            Point control = new Point(mid.x() + nx * 2 * chosenBow, mid.y() + ny * 2 * chosenBow);
            routes.add(new LinkRoute(l.id(), a, b, chosen, control));
        }
        return routes;
    }

    /** Whether a point is under a node's box (or within a few pixels of it). */
    public static boolean underNode(Point p, List<Point> nodeCentres) {
        for (Point c : nodeCentres) {
            if (Math.abs(p.x() - c.x()) < NODE_WIDTH / 2 + 4 && Math.abs(p.y() - c.y()) < NODE_HEIGHT / 2 + 4) {
                return true;
            }
        }
        return false;
    }

    /**
     * Which links' labels fit at their middles: in link order, a label is shown where it covers no
     * node and no label shown before it; the others are shown when the pointer is on their link.
     *
     * @param sizes each label's width and height
     */
    public static boolean[] labelsWithRoom(List<LinkRoute> routes, List<double[]> sizes, List<Point> nodeCentres) {
        boolean[] shown = new boolean[routes.size()];
        List<double[]> taken = new ArrayList<>();
        for (Point c : nodeCentres) {
            taken.add(new double[] {c.x() - NODE_WIDTH / 2, c.y() - NODE_HEIGHT / 2, c.x() + NODE_WIDTH / 2, c.y() + NODE_HEIGHT / 2});
        }
        for (int i = 0; i < routes.size(); i++) {
            Point m = routes.get(i).middle();
            double w = sizes.get(i)[0];
            double h = sizes.get(i)[1];
            double[] box = {m.x() - w / 2, m.y() - h / 2, m.x() + w / 2, m.y() + h / 2};
            if (taken.stream().noneMatch(r -> r[0] < box[2] && box[0] < r[2] && r[1] < box[3] && box[1] < r[3])) {
                shown[i] = true;
                taken.add(box);
            }
        }
        return shown;
    }

    private static Map<Integer, List<Node>> byTier(Topology t) {
        Map<Integer, List<Node>> tiers = new HashMap<>();
        for (Node n : t.nodes()) {
            tiers.computeIfAbsent(n.tier(), k -> new ArrayList<>()).add(n);
        }
        return tiers;
    }

    /** Points bucketed by cell, so that "is one near" looks at nine cells and not at every link. */
    private static final class SpotGrid {
        private final double cell;
        private final Map<Long, List<Point>> cells = new HashMap<>();

        SpotGrid(double cell) {
            this.cell = cell;
        }

        private long key(long cx, long cy) {
            return cx * 1_000_003L + cy;
        }

        void add(Point p) {
            cells.computeIfAbsent(key((long) Math.floor(p.x() / cell), (long) Math.floor(p.y() / cell)),
                    k -> new ArrayList<>()).add(p);
        }

        boolean near(Point p) {
            long cx = (long) Math.floor(p.x() / cell);
            long cy = (long) Math.floor(p.y() / cell);
            for (long i = cx - 1; i <= cx + 1; i++) {
                for (long j = cy - 1; j <= cy + 1; j++) {
                    for (Point q : cells.getOrDefault(key(i, j), List.of())) {
                        if (q.distance(p) < cell) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
