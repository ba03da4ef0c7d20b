package io.alphintra.service.guard.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** Bundles, wirings, references and a bundle context as proxies that answer what the guard asks of them. */
final class Fakes {
    private Fakes() {
    }

    /** A bundle: its id, name, the packages it is wired to and the services it registers and uses. */
    static final class FakeBundle {
        final long id;
        final String symbolicName;
        final List<String> importedPackages = new ArrayList<>();
        final List<FakeBundle> requiredBundles = new ArrayList<>();
        final List<String> exportedPackages = new ArrayList<>();
        final List<ServiceReference<?>> registered = new ArrayList<>();
        final List<ServiceReference<?>> inUse = new ArrayList<>();
        boolean resolved = true;
        int state = Bundle.ACTIVE;
        final Bundle bundle;

        FakeBundle(long id, String symbolicName) {
            this.id = id;
            this.symbolicName = symbolicName;
            this.bundle = (Bundle) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {Bundle.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getBundleId" -> id;
                        case "getSymbolicName" -> symbolicName;
                        case "getState" -> state;
                        case "adapt" -> args[0] == BundleWiring.class && resolved ? wiring() : null;
                        case "getRegisteredServices" -> registered.isEmpty() ? null
                                : registered.toArray(new ServiceReference<?>[0]);
                        case "getServicesInUse" -> inUse.isEmpty() ? null : inUse.toArray(new ServiceReference<?>[0]);
                        case "hashCode" -> Long.hashCode(id);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "bundle " + symbolicName;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        FakeBundle importing(String... packages) {
            importedPackages.addAll(List.of(packages));
            return this;
        }

        FakeBundle requiring(FakeBundle exporter) {
            requiredBundles.add(exporter);
            return this;
        }

        FakeBundle exporting(String... packages) {
            exportedPackages.addAll(List.of(packages));
            return this;
        }

        BundleContext context() {
            return Fakes.context(this, List.of());
        }

        private BundleWiring wiring() {
            return (BundleWiring) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                    new Class<?>[] {BundleWiring.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getRequiredWires" -> requiredWires((String) args[0]);
                        case "getCapabilities" -> PackageNamespace.PACKAGE_NAMESPACE.equals(args[0])
                                ? exportedPackages.stream().map(Fakes::packageCapability).toList() : List.of();
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private List<BundleWire> requiredWires(String namespace) {
            if (PackageNamespace.PACKAGE_NAMESPACE.equals(namespace)) {
                return importedPackages.stream().map(p -> wire(packageCapability(p), null)).toList();
            }
            if (BundleNamespace.BUNDLE_NAMESPACE.equals(namespace)) {
                return requiredBundles.stream().map(b -> wire(null, b.wiring())).toList();
            }
            return List.of();
        }
    }

    /** A service registered by {@code owner} under {@code objectClass}, used by {@code users}. */
    static ServiceReference<?> reference(long serviceId, FakeBundle owner, List<FakeBundle> users,
                                         String... objectClass) {
        return (ServiceReference<?>) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> switch ((String) args[0]) {
                        case Constants.OBJECTCLASS -> objectClass.clone();
                        case Constants.SERVICE_ID -> serviceId;
                        default -> null;
                    };
                    case "getBundle" -> owner == null ? null : owner.bundle;
                    case "getUsingBundles" -> users.isEmpty() ? null
                            : users.stream().map(b -> b.bundle).toArray(Bundle[]::new);
                    case "hashCode" -> Long.hashCode(serviceId);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "service " + serviceId + " " + String.join(",", objectClass);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * {@code bundle}'s context: {@code getBundles} answers {@code all}, {@code registerService} records the service
     * in {@code registrations}.
     */
    static BundleContext context(FakeBundle bundle, List<FakeBundle> all) {
        return context(bundle, all, new ArrayList<>());
    }

    static BundleContext context(FakeBundle bundle, List<FakeBundle> all, List<Registered> registrations) {
        return (BundleContext) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> args == null ? bundle.bundle
                            : all.stream().filter(b -> b.id == (Long) args[0]).map(b -> b.bundle).findFirst()
                                    .orElse(null);
                    case "getBundles" -> all.stream().map(b -> b.bundle).toArray(Bundle[]::new);
                    case "registerService" -> {
                        @SuppressWarnings("unchecked")
                        Registered registered = new Registered(names(args[0]), args[1],
                                (Dictionary<String, Object>) args[2]);
                        registrations.add(registered);
                        yield registered.registration();
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "context of " + bundle.symbolicName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String[] names(Object classes) {
        if (classes instanceof Class<?> type) {
            return new String[] {type.getName()};
        }
        return classes instanceof String name ? new String[] {name} : (String[]) classes;
    }

    /** A service the code under test registered, and whether it unregistered it since. */
    static final class Registered {
        final String[] names;
        final Object service;
        final Dictionary<String, Object> properties;
        boolean unregistered;

        Registered(String[] names, Object service, Dictionary<String, Object> properties) {
            this.names = names;
            this.service = service;
            this.properties = properties;
        }

        ServiceRegistration<?> registration() {
            return (ServiceRegistration<?>) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                    new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                        if (method.getName().equals("unregister")) {
                            unregistered = true;
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static BundleCapability packageCapability(String packageName) {
        return (BundleCapability) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {BundleCapability.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttributes" -> Map.of(PackageNamespace.PACKAGE_NAMESPACE, packageName);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static BundleWire wire(BundleCapability capability, BundleWiring provider) {
        return (BundleWire) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {BundleWire.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCapability" -> capability;
                    case "getProviderWiring" -> provider;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
