package io.alphintra.console.internal.command;

import io.alphintra.cluster.ClusterMember;
import io.alphintra.cluster.ClusterService;
import io.alphintra.cluster.NodeIdentity;
import io.alphintra.http.HttpEndpoint;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** {@code alphintra:status}: who this node is, its cluster, where it serves HTTP and the state of its bundles. */
@Service
@Command(scope = "alphintra", name = "status", description = "Shows this node, its cluster, its HTTP address and "
        + "the state of the Alphintra bundles")
public class StatusCommand implements Action {

    @Reference
    ClusterService cluster;

    @Reference(optional = true)
    HttpEndpoint http;

    @Reference
    BundleContext bundleContext;

    @Override
    public Object execute() {
        PrintStream out = System.out;
        NodeIdentity node = cluster.localNode();
        out.printf("Node      %s%n", node.nodeName());
        out.printf("Region    %s%n", node.region());
        out.printf("Cluster   %s (%s)%n", node.clusterName(), cluster.state());
        cluster.failure().ifPresent(reason -> out.printf("          failed: %s%n", reason));
        out.printf("HTTP      %s%n", http != null ? http.baseUrl() : "not listening");
        out.println();

        ShellTable members = new ShellTable();
        members.column("Member");
        members.column("Region");
        members.column("Address");
        members.column("Version");
        for (ClusterMember member : cluster.members()) {
            String name = member.identity().nodeName();
            members.addRow().addContent(name.equals(node.nodeName()) ? name + " (this node)" : name,
                    member.identity().region(), member.address(), member.version());
        }
        members.print(out);
        out.println();

        ShellTable bundles = new ShellTable();
        bundles.column("Bundle");
        bundles.column("Version");
        bundles.column("State");
        Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("io.alphintra."))
                .sorted(Comparator.comparing(Bundle::getSymbolicName))
                .forEach(bundle -> bundles.addRow().addContent(bundle.getSymbolicName(), bundle.getVersion(),
                        stateName(bundle.getState())));
        bundles.print(out);
        return null;
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "Active";
            case Bundle.RESOLVED -> "Resolved";
            case Bundle.INSTALLED -> "Installed";
            case Bundle.STARTING -> "Starting";
            case Bundle.STOPPING -> "Stopping";
            case Bundle.UNINSTALLED -> "Uninstalled";
            default -> "Unknown (" + state + ")";
        };
    }
}
