package org.splitscope.io.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;

/**
 * The process's one ONNX Runtime environment.
 *
 * <p>It is created on a thread with a large stack: ONNX Runtime 1.29's start-up reads
 * {@code /proc/self/cmdline} with a recursive parser that overflowed the default 1 MB stack of a
 * Java thread (a native crash of the whole JVM, not an exception) when the command line held a
 * long class path. Sessions created later run on any thread. Telemetry is switched off, and only
 * fatal messages are logged: errors reach the caller as {@link OrtException}s. The native
 * libraries are loaded from one shared copy ({@link OrtNativeLibraries}).
 */
final class OrtRuntime {
    private static final long INIT_STACK_BYTES = 256L << 20;
    private static OrtEnvironment environment;

    private OrtRuntime() {
    }

    /**
     * New session options, after the environment: making options loads the native libraries,
     * which must come from the shared copy the environment points ONNX Runtime at.
     */
    static ai.onnxruntime.OrtSession.SessionOptions sessionOptions() throws OrtException {
        environment();
        return new ai.onnxruntime.OrtSession.SessionOptions();
    }

    static synchronized OrtEnvironment environment() throws OrtException {
        if (environment == null) {
            OrtNativeLibraries.useSharedCopy();
            OrtEnvironment[] created = new OrtEnvironment[1];
            Throwable[] failed = new Throwable[1];
            Thread init = new Thread(null, () -> {
                try {
                    created[0] = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "splitscope");
                    created[0].setTelemetry(false);
                } catch (OrtException | RuntimeException | LinkageError e) {
                    failed[0] = e;
                }
            }, "onnxruntime-init", INIT_STACK_BYTES);
            init.start();
            try {
                init.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrtException("interrupted while ONNX Runtime was starting");
            }
            if (failed[0] != null) {
                throw new OrtException("ONNX Runtime could not start on this machine: " + failed[0]);
            }
            environment = created[0];
        }
        return environment;
    }
}
