package io.praas.manager.app;

/** A new version of an app is in force; processes still running an older one must swap out. */
public record AppDeployedEvent(DeployedApp app) {
}
