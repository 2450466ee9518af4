package org.homeward;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Homeward: the clinical operations system a Hospital at Home (virtual ward) service runs on.
 *
 * <p>Each direct sub-package is an application module (see {@code docs/modules}); the module structure is
 * verified by {@code ModularityTests}.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class HomewardApplication {

    public static void main(String[] args) {
        SpringApplication.run(HomewardApplication.class, args);
    }
}
