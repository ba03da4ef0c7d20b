package io.alphintra.config.support.other;

/** A component's configuration as most are: a package-private annotation in the component's own package. */
@interface PackagePrivateConfig {
    String mode() default "fast";

    int port() default 8080;
}
