package org.splitscope.io.report;

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
 * nodes stacked in their tier's column, links as lines labelled with bandwidth and latency (when
 * there are few enough to read). Nodes that run a stage are filled with their colour; the source
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
            double rowHeight = (area.getHeight() - 16) / nodes.size();
            for (int i = 0; i < nodes.size(); i++) {
                centre.put(nodes.get(i).id(), new Point2D.Double(x + columnWidth / 2,
                        area.getY() + 16 + rowHeight * (i + 0.5)));
            }
            column++;
        }
        links(g, t, centre);
        nodes(g, t, centre, Math.min(columnWidth * 0.7, 130), Math.min(30, (area.getHeight() - 16) / maxColumn(tiers) * 0.7));
    }

    private static int maxColumn(TreeMap<Integer, List<Node>> tiers) {
        return tiers.values().stream().mapToInt(List::size).max().orElse(1);
    }

    private void links(Graphics2D g, Topology t, Map<String, Point2D> centre) {
        g.setFont(LABEL);
        for (Link l : t.links()) {
            Point2D a = centre.get(l.from());
            Point2D b = centre.get(l.to());
            if (a == null || b == null) {
                continue;
            }
            g.setPaint(palette.colour("link"));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(new Line2D.Double(a, b));
            if (t.links().size() <= LABELLED_LINKS) {
                g.setPaint(palette.colour("fg"));
                String text = Figures.bandwidth(l.bandwidthBps()) + ", " + Figures.ms(l.latencySeconds());
                float w = g.getFontMetrics().stringWidth(text);
                g.drawString(text, (float) ((a.getX() + b.getX()) / 2 - w / 2), (float) ((a.getY() + b.getY()) / 2 - 3));
            }
        }
    }

    private void nodes(Graphics2D g, Topology t, Map<String, Point2D> centre, double w, double h) {
        Set<String> running = new HashSet<>();
        for (Stage s : scenario.plan().stages()) {
            running.add(s.node());
        }
        for (Node n : t.nodes()) {
            Point2D c = centre.get(n.id());
            RoundRectangle2D box = new RoundRectangle2D.Double(c.getX() - w / 2, c.getY() - h / 2, w, h, 8, 8);
            g.setPaint(running.contains(n.id()) ? palette.node(t.nodeIndex(n.id())) : palette.colour("panel"));
            g.fill(box);
            g.setPaint(palette.colour("fg"));
            g.setStroke(new BasicStroke(1f));
            g.draw(box);
            g.setFont(NAME);
            String role = n.id().equals(t.source()) ? (n.id().equals(sink(t)) ? " (source, sink)" : " (source)")
                    : n.id().equals(sink(t)) ? " (sink)" : "";
            String name = n.id() + role;
            g.drawString(name, (float) (c.getX() - g.getFontMetrics().stringWidth(name) / 2.0), (float) c.getY() - 1);
            g.setFont(LABEL);
            String speed = n.deviceClass() + ", " + Figures.number(n.flopsPerSecond() / 1e9) + " GFLOP/s";
            g.drawString(speed, (float) (c.getX() - g.getFontMetrics().stringWidth(speed) / 2.0), (float) c.getY() + 10);
        }
    }

    private static String sink(Topology t) {
        return t.sink() == null ? t.source() : t.sink();
    }
}
