package org.splitscope.ui.model;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;

import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.Progress;

/** A search that runs until it is cancelled and has found nothing by then: it throws and gives nothing back. */
final class EndlessSearch implements SearchMethod {
    final CountDownLatch started = new CountDownLatch(1);

    @Override
    public String label() {
        return "endless";
    }

    @Override
    public Result search(Scenario scenario, OptimizeSettings settings, Progress progress, CancellationToken token) {
        started.countDown();
        while (!token.isCancelled()) {
            progress.update(1, 2); // where the status bar's Cancel reaches the token
            Thread.onSpinWait();
        }
        throw new CancellationException();
    }
}
