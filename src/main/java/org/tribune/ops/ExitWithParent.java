package org.tribune.ops;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Shuts the application down, cleanly, when the process that started it ends. `mvn -Prun` starts Tribune as a
 * child of Maven; a SIGTERM sent to Maven alone (by a script, a service manager, an IDE's stop button) ends Maven
 * but would leave the application running with nobody to stop it. Off unless tribune.exit-with-parent is set, as
 * the run profile does.
 */
@ApplicationScoped
public class ExitWithParent {

    private static final Logger LOG = Logger.getLogger(ExitWithParent.class);

    void watch(
            @Observes StartupEvent started,
            @ConfigProperty(name = "tribune.exit-with-parent", defaultValue = "false") boolean enabled) {
        if (!enabled) {
            return;
        }
        ProcessHandle.current()
                .parent()
                .ifPresent(parent -> parent.onExit().thenRun(() -> {
                    LOG.infof("The process that started Tribune (pid %d) has ended: shutting down", parent.pid());
                    Quarkus.asyncExit(0);
                }));
    }
}
