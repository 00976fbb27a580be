package org.splitscope.report;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;

/**
 * The topology as the window's editor lays it out: one column per tier (end devices on the left),
 * nodes stacked in their tier's column (a single tier of several nodes on a ring), links as lines
 * labelled with bandwidth and latency (when there are few enough to read). Nodes that run a stage are filled with their colour; the source
 * and sink are named. O(V + E) for V nodes and E links.
 */
public final class TopologyDrawing implements Drawing {
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
    private static final Font NAME = new Font(Font.SANS_SERIF, Font.BOLD, 10);
    /** Beyond this many links the labels would cover one another. */
    private static final int LABELLED_LINKS = 12;
    private final Scenario scenario;
    private final PrintPalette palette;

    public TopologyDrawing(Scenario scenario, PrintPalette palette) {
        this.scenario = scenario;
        this.palette = palette;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        Topology t = scenario.topology();
        TreeMap<Integer, List<Node>> tiers = new TreeMap<>();
        for (Node n : t.nodes()) {
            tiers.computeIfAbsent(n.tier(), k -> new java.util.ArrayList<>()).add(n);
        }
        double columnWidth = area.getWidth() / tiers.size();
        Map<String, Point2D> centre = new HashMap<>();
        int column = 0;
        for (var tier : tiers.entrySet()) {
            double x = area.getX() + column * columnWidth;
            g.setPaint(palette.colour(column % 2 == 0 ? "band-even" : "band-odd"));
            g.fill(new Rectangle2D.Double(x, area.getY(), columnWidth, area.getHeight()));
            g.setPaint(palette.colour("muted-fg"));
            g.setFont(LABEL);
            g.drawString("tier " + tier.getKey(), (float) x + 4, (float) area.getY() + 11);
            List<Node> nodes = tier.getValue();
            if (tiers.size() == 1 && nodes.size() > 2) {
                ring(nodes, area, centre);
            } else {
                double rowHeight = (area.getHeight() - 16) / nodes.size();
                for (int i = 0; i < nodes.size(); i++) {
                    centre.put(nodes.get(i).id(), new Point2D.Double(x + columnWidth / 2,
                            area.getY() + 16 + rowHeight * (i + 0.5)));
                }
            }
            column++;
        }
        links(g, t, centre);
        boolean ring = tiers.size() == 1 && t.nodes().size() > 2;
        nodes(g, t, centre, Math.min(columnWidth * (ring ? 0.2 : 0.7), 130),
                ring ? 30 : Math.min(30, (area.getHeight() - 16) / maxColumn(tiers) * 0.7));
    }

    /**
     * One tier of several nodes (an edge cluster, SEIFER's mesh) on an ellipse, so that the links
     * between them stay apart instead of overlapping on one column.
     */
    private static void ring(List<Node> nodes, Rectangle2D area, Map<String, Point2D> centre) {
        double cx = area.getCenterX();
        double cy = area.getY() + 16 + (area.getHeight() - 16) / 2;
        double rx = area.getWidth() / 2 - 80;
        double ry = (area.getHeight() - 16) / 2 - 22;
        for (int i = 0; i < nodes.size(); i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / nodes.size();
            centre.put(nodes.get(i).id(), new Point2D.Double(cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)));
        }
    }

    private static int maxColumn(TreeMap<Integer, List<Node>> tiers) {
        return tiers.values().stream().mapToInt(List::size).max().orElse(1);
    }

    private void links(Graphics2D g, Topology t, Map<String, Point2D> centre) {
        g.setFont(LABEL);
        // one-way links of a pair (uplink and downlink) share a line and a label
        Map<String, List<Link>> pairs = new java.util.LinkedHashMap<>();
        for (Link l : t.links()) {
            String key = l.from().compareTo(l.to()) < 0 ? l.from() + "\n" + l.to() : l.to() + "\n" + l.from();
            pairs.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(l);
        }
        for (List<Link> pair : pairs.values()) {
            Point2D a = centre.get(pair.get(0).from());
            Point2D b = centre.get(pair.get(0).to());
            if (a == null || b == null) {
                continue;
            }
            g.setPaint(palette.colour("link"));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(new Line2D.Double(a, b));
            if (pairs.size() <= LABELLED_LINKS) {
                g.setPaint(palette.colour("fg"));
                String text = String.join(" / ", pair.stream().map(l -> Figures.bandwidth(l.bandwidthBps())).toList())
                        + ", " + String.join(" / ", pair.stream().map(l -> Figures.number(l.latencySeconds() * 1e3))
                        .distinct().toList()) + " ms";
                float w = g.getFontMetrics().stringWidth(text);
                boolean upright = Math.abs(a.getX() - b.getX()) < Math.abs(a.getY() - b.getY());
                double mx = (a.getX() + b.getX()) / 2;
                double my = (a.getY() + b.getY()) / 2;
                // beside an upright line, above a lying one
                g.drawString(text, (float) (upright ? mx + 4 : mx - w / 2), (float) (upright ? my + 3 : my - 3));
            }
        }
    }

    private void nodes(Graphics2D g, Topology t, Map<String, Point2D> centre, double maxWidth, double h) {
        Set<String> running = new HashSet<>();
        for (Stage s : scenario.plan().stages()) {
            running.add(s.node());
        }
        for (Node n : t.nodes()) {
            Point2D c = centre.get(n.id());
            String role = n.id().equals(t.source()) ? (n.id().equals(sink(t)) ? " (source, sink)" : " (source)")
                    : n.id().equals(sink(t)) ? " (sink)" : "";
            String name = ReportText.drawn(n.id()) + role;
            String speed = ReportText.drawn(n.deviceClass()) + ", " + Figures.number(n.flopsPerSecond() / 1e9) + " GFLOP/s";
            double w = Math.max(maxWidth * 0.6, Math.min(maxWidth * 1.4,
                    Math.max(g.getFontMetrics(NAME).stringWidth(name), g.getFontMetrics(LABEL).stringWidth(speed)) + 12));
            RoundRectangle2D box = new RoundRectangle2D.Double(c.getX() - w / 2, c.getY() - h / 2, w, h, 8, 8);
            g.setPaint(running.contains(n.id()) ? palette.node(scenario.view().colours(t).get(n.id())) : palette.colour("panel"));
            g.fill(box);
            g.setPaint(palette.colour("fg"));
            g.setStroke(new BasicStroke(1f));
            g.draw(box);
            g.setFont(NAME);
            g.drawString(name, (float) (c.getX() - g.getFontMetrics().stringWidth(name) / 2.0), (float) c.getY() - 1);
            g.setFont(LABEL);
            g.drawString(speed, (float) (c.getX() - g.getFontMetrics().stringWidth(speed) / 2.0), (float) c.getY() + 10);
        }
    }

    private static String sink(Topology t) {
        return t.sink() == null ? t.source() : t.sink();
    }
}
