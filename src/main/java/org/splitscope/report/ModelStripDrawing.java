package org.splitscope.report;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;

import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;

/**
 * The plan on the model strip, as the window draws it: one bar per unit, its height the unit's
 * share of the largest unit's FLOPs, coloured by the node its stage runs on (grey when the plan
 * ends before it); a dashed line at every cut with the bytes that cross it; a triangle at every
 * candidate exit, filled when the plan enables it (with its threshold). O(N + E) for N units and E exits.
 */
public final class ModelStripDrawing implements Drawing {
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
    private final Scenario scenario;
    private final PrintPalette palette;

    public ModelStripDrawing(Scenario scenario, PrintPalette palette) {
        this.scenario = scenario;
        this.palette = palette;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        ModelProfile p = scenario.profile();
        int n = p.unitCount();
        double x0 = area.getX() + 4;
        double width = area.getWidth() - 8;
        double top = area.getY() + 22;
        double barArea = area.getHeight() - 22 - 30;
        double base = top + barArea;
        double unitWidth = width / n;
        double maxFlops = p.units().stream().mapToDouble(u -> u.flops()).max().orElse(1);
        int[] nodeOf = new int[n + 1];
        java.util.Arrays.fill(nodeOf, -1);
        for (Stage s : scenario.plan().stages()) {
            int node = scenario.view().colours(scenario.topology()).getOrDefault(s.node(), -1);
            for (int u = s.firstUnit(); u <= s.lastUnit() && u <= n; u++) {
                nodeOf[u] = node;
            }
        }
        g.setFont(LABEL);
        for (int u = 1; u <= n; u++) {
            double h = Math.max(1.5, barArea * (maxFlops > 0 ? p.unit(u).flops() / maxFlops : 1));
            g.setPaint(nodeOf[u] < 0 ? palette.colour("unit-idle") : palette.node(nodeOf[u]));
            g.fill(new Rectangle2D.Double(x0 + (u - 1) * unitWidth, base - h, Math.max(0.5, unitWidth * 0.85), h));
        }
        g.setPaint(palette.colour("border"));
        g.draw(new Line2D.Double(x0, base, x0 + width, base));
        cuts(g, x0, unitWidth, top, base);
        exits(g, x0, unitWidth, top);
        legend(g, x0, base + 14);
    }

    private void cuts(Graphics2D g, double x0, double unitWidth, double top, double base) {
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 2f}, 0f));
        for (int cut : scenario.plan().cuts()) {
            double x = x0 + cut * unitWidth - unitWidth * 0.075;
            g.setPaint(palette.colour("cut"));
            g.draw(new Line2D.Double(x, top - 4, x, base + 4));
            g.setPaint(palette.colour("bytes"));
            g.drawString("cut " + cut + ": " + Figures.bytes(scenario.profile().unit(cut).cutBytes()), (float) x + 2,
                    (float) base + 4 + 9);
        }
        g.setStroke(new BasicStroke(1f));
    }

    private void exits(Graphics2D g, double x0, double unitWidth, double top) {
        Map<String, Double> enabled = new HashMap<>();
        for (EnabledExit e : scenario.plan().exits()) {
            enabled.put(e.exit(), e.threshold());
        }
        for (ExitHead e : scenario.profile().exits()) {
            double x = x0 + e.afterUnit() * unitWidth;
            Path2D.Double tri = new Path2D.Double();
            tri.moveTo(x - 4, top - 12);
            tri.lineTo(x + 4, top - 12);
            tri.lineTo(x, top - 5);
            tri.closePath();
            Double threshold = enabled.get(e.id());
            boolean terminal = e.id().equals(scenario.plan().terminalExit());
            g.setPaint(palette.colour(threshold != null || terminal ? "exit-on" : "exit-off"));
            if (threshold != null || terminal) {
                g.fill(tri);
                g.setPaint(palette.colour("fg"));
                g.drawString(ReportText.drawn(e.id()) + (terminal ? " (end)" : " @ " + threshold), (float) x + 5, (float) top - 6);
            } else {
                g.draw(tri);
            }
        }
    }

    private void legend(Graphics2D g, double x, double y) {
        float at = (float) x;
        for (Stage s : scenario.plan().stages()) {
            int node = scenario.view().colours(scenario.topology()).getOrDefault(s.node(), -1);
            g.setPaint(palette.node(node));
            g.fill(new Rectangle2D.Double(at, y + 4, 8, 8));
            g.setPaint(palette.colour("fg"));
            String text = ReportText.drawn(s.node()) + " (units " + s.firstUnit() + "-" + s.lastUnit() + ")";
            g.drawString(text, at + 11, (float) y + 12);
            at += 11 + g.getFontMetrics().stringWidth(text) + 12;
        }
    }
}
