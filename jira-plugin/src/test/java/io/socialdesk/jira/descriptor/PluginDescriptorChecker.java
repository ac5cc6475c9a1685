package io.socialdesk.jira.descriptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks an atlassian-plugin.xml against the classpath before any Jira or Confluence sees it: what
 * the plugin system would only report at install time, or Oracle only at upgrade time.
 *
 * <ul>
 *   <li>every referenced class exists ({@code class=}, {@code <entity>}, {@code <function-class>}, …,
 *       and the class and method of each {@code <velocity-allowlist>} entry);
 *   <li>every {@code <resource location=…>} exists (for i18n: the English and French bundles);
 *   <li>every i18n key ({@code key=} on label/description/tooltip, {@code i18n-name-key=},
 *       {@code name-key=}) is in the English and in the French bundle;
 *   <li>module keys are unique;
 *   <li>AO table names (the {@code @Table} value or the entity's name in UPPER_SNAKE) are at most 20
 *       characters, AO column names at most 30;
 *   <li>optionally, the {@code <ao>} entities are exactly an expected list.
 * </ul>
 *
 * Reads AO annotations by name, so it needs no AO classes of its own. Shared with the Confluence
 * plugin through this module's test jar.
 */
public final class PluginDescriptorChecker {
    public static final int MAX_TABLE_NAME = 20;
    public static final int MAX_COLUMN_NAME = 30;
    public static final List<String> LANGUAGES = List.of("", "_fr");

    private static final Set<String> CLASS_ELEMENTS = Set.of(
            "entity", "upgradeTask", "function-class", "condition-class", "validator-class", "component-class");
    private static final Set<String> I18N_KEY_ELEMENTS = Set.of("label", "description", "tooltip", "title");
    private static final Set<String> I18N_KEY_ATTRIBUTES = Set.of("i18n-name-key", "name-key");

    private final ClassLoader classLoader;
    private final List<String> expectedAoEntities;

    private PluginDescriptorChecker(ClassLoader classLoader, List<String> expectedAoEntities) {
        this.classLoader = classLoader;
        this.expectedAoEntities = expectedAoEntities;
    }

    public static PluginDescriptorChecker onClasspathOf(Class<?> anchor) {
        return new PluginDescriptorChecker(anchor.getClassLoader(), null);
    }

    /** Also require the {@code <ao>} module to list exactly these entities (order ignored). */
    public PluginDescriptorChecker expectingAoEntities(List<? extends Class<?>> entities) {
        return new PluginDescriptorChecker(classLoader, entities.stream().map(Class::getName).toList());
    }

    /** Problems in the descriptor at this classpath location; empty when it is sound. */
    public List<String> problemsInResource(String location) {
        try (InputStream in = classLoader.getResourceAsStream(location)) {
            if (in == null) return List.of("missing descriptor: " + location);
            return problems(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> problems(String descriptorXml) {
        Element root = parse(descriptorXml).getDocumentElement();
        List<String> problems = new ArrayList<>();
        checkModuleKeys(root, problems);
        List<Element> all = descendants(root);
        for (Element element : all) {
            checkClassReferences(element, problems);
            checkResource(element, problems);
        }
        checkI18n(root, all, problems);
        checkActiveObjects(all, problems);
        return problems;
    }

    private void checkModuleKeys(Element root, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (Element module : children(root)) {
            String key = module.getAttribute("key");
            if (!key.isEmpty() && !seen.add(key)) problems.add("duplicate module key: " + key);
        }
    }

    private void checkClassReferences(Element element, List<String> problems) {
        String className = element.getAttribute("class");
        if (!className.isEmpty()) requireClass(className, "<" + element.getTagName() + " class>", problems);
        if (CLASS_ELEMENTS.contains(element.getTagName())) {
            requireClass(element.getTextContent().strip(), "<" + element.getTagName() + ">", problems);
        }
        if (element.getTagName().equals("method") && parentTag(element).equals("velocity-allowlist")) {
            checkAllowlistedMethod(element.getTextContent().strip(), problems);
        }
    }

    private void checkAllowlistedMethod(String entry, List<String> problems) {
        int hash = entry.indexOf('#');
        int paren = entry.indexOf('(');
        if (hash < 0 || paren < hash) {
            problems.add("malformed velocity-allowlist method: " + entry);
            return;
        }
        Class<?> type = requireClass(entry.substring(0, hash), "<velocity-allowlist>", problems);
        if (type == null) return;
        String name = entry.substring(hash + 1, paren);
        boolean noArguments = entry.endsWith("()");
        boolean found = false;
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && (!noArguments || method.getParameterCount() == 0)) found = true;
        }
        if (!found) problems.add("missing method: " + entry + " (in <velocity-allowlist>)");
    }

    private void checkResource(Element element, List<String> problems) {
        if (!element.getTagName().equals("resource")) return;
        String location = element.getAttribute("location");
        if (location.isEmpty()) return;
        if (element.getAttribute("type").equals("i18n")) {
            for (String language : LANGUAGES) {
                String bundle = bundlePath(location, language);
                if (classLoader.getResource(bundle) == null) problems.add("missing resource: " + bundle + " (i18n " + location + ")");
            }
        } else if (classLoader.getResource(stripSlash(location)) == null) {
            problems.add("missing resource: " + location + " (<resource name=\"" + element.getAttribute("name") + "\">)");
        }
    }

    private void checkI18n(Element root, List<Element> all, List<String> problems) {
        Set<String> keys = new TreeSet<>();
        for (Element element : all) {
            if (I18N_KEY_ELEMENTS.contains(element.getTagName()) && !element.getAttribute("key").isEmpty()
                    && element.getParentNode() != root) {
                keys.add(element.getAttribute("key"));
            }
            for (String attribute : I18N_KEY_ATTRIBUTES) {
                if (!element.getAttribute(attribute).isEmpty()) keys.add(element.getAttribute(attribute));
            }
        }
        List<String> bundles = all.stream()
                .filter(e -> e.getTagName().equals("resource") && e.getAttribute("type").equals("i18n"))
                .map(e -> e.getAttribute("location")).toList();
        if (bundles.isEmpty()) {
            if (!keys.isEmpty()) problems.add("i18n keys are used but there is no <resource type=\"i18n\">");
            return;
        }
        for (String language : LANGUAGES) {
            Properties merged = new Properties();
            for (String bundle : bundles) merged.putAll(load(bundlePath(bundle, language)));
            String name = language.isEmpty() ? "English" : language.substring(1);
            for (String key : keys) {
                if (!merged.containsKey(key)) problems.add("missing i18n key: " + key + " (" + name + " bundle)");
            }
        }
    }

    private void checkActiveObjects(List<Element> all, List<String> problems) {
        Set<String> listed = new LinkedHashSet<>();
        for (Element ao : all) {
            if (!ao.getTagName().equals("ao")) continue;
            for (Element entity : children(ao)) {
                if (!entity.getTagName().equals("entity")) continue;
                String name = entity.getTextContent().strip();
                listed.add(name);
                Class<?> type = loadOrNull(name);
                if (type != null) checkEntityNames(type, problems);
            }
        }
        if (expectedAoEntities != null && !listed.equals(new LinkedHashSet<>(expectedAoEntities))) {
            Set<String> missing = new TreeSet<>(expectedAoEntities);
            missing.removeAll(listed);
            Set<String> unexpected = new TreeSet<>(listed);
            unexpected.removeAll(expectedAoEntities);
            problems.add("AO entities differ from the expected list: missing " + missing + ", unexpected " + unexpected);
        }
    }

    private void checkEntityNames(Class<?> entity, List<String> problems) {
        String table = annotationValue(entity, "net.java.ao.schema.Table");
        if (table == null) table = upperSnake(entity.getSimpleName());
        if (table.length() > MAX_TABLE_NAME) {
            problems.add("AO table name too long: " + table + " (" + table.length() + " > " + MAX_TABLE_NAME + ") for " + entity.getName());
        }
        for (Method method : entity.getMethods()) {
            String column = columnName(method);
            if (column != null && column.length() > MAX_COLUMN_NAME) {
                problems.add("AO column name too long: " + column + " (" + column.length() + " > " + MAX_COLUMN_NAME + ") in "
                        + entity.getName());
            }
        }
    }

    /** The column a getter maps to, or null when it maps to none (AO's own methods, @Ignore, relations). */
    static String columnName(Method method) {
        if (method.getDeclaringClass().getName().startsWith("net.java.ao.") || method.getParameterCount() != 0
                || Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
            return null;
        }
        for (String skip : List.of("net.java.ao.schema.Ignore", "net.java.ao.OneToMany", "net.java.ao.ManyToMany", "net.java.ao.OneToOne")) {
            if (hasAnnotation(method, skip)) return null;
        }
        String accessor = annotationValue(method, "net.java.ao.Accessor");
        if (accessor != null) return accessor;
        String name = method.getName();
        String property;
        if (name.startsWith("get") && name.length() > 3) property = name.substring(3);
        else if (name.startsWith("is") && name.length() > 2) property = name.substring(2);
        else return null;
        String column = upperSnake(property);
        return isEntity(method.getReturnType()) ? column + "_ID" : column;
    }

    /** AO's camel-case to UPPER_SNAKE: {@code PostEntity} → {@code POST_ENTITY}, {@code URLValue} → {@code URL_VALUE}. */
    public static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static boolean isEntity(Class<?> type) {
        if (type.getName().equals("net.java.ao.RawEntity")) return true;
        for (Class<?> parent : type.getInterfaces()) if (isEntity(parent)) return true;
        return false;
    }

    private static boolean hasAnnotation(java.lang.reflect.AnnotatedElement element, String annotation) {
        for (Annotation a : element.getAnnotations()) if (a.annotationType().getName().equals(annotation)) return true;
        return false;
    }

    private static String annotationValue(java.lang.reflect.AnnotatedElement element, String annotation) {
        for (Annotation a : element.getAnnotations()) {
            if (!a.annotationType().getName().equals(annotation)) continue;
            try {
                return (String) a.annotationType().getMethod("value").invoke(a);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    private Class<?> requireClass(String name, String where, List<String> problems) {
        Class<?> type = loadOrNull(name);
        if (type == null) problems.add("missing class: " + name + " (in " + where + ")");
        return type;
    }

    private Class<?> loadOrNull(String name) {
        try {
            return Class.forName(name, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private Properties load(String path) {
        Properties properties = new Properties();
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in != null) properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String bundlePath(String location, String language) {
        return location.replace('.', '/') + language + ".properties";
    }

    private static String stripSlash(String location) {
        return location.startsWith("/") ? location.substring(1) : location;
    }

    private static String parentTag(Element element) {
        Node parent = element.getParentNode();
        return parent instanceof Element e ? e.getTagName() : "";
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) if (nodes.item(i) instanceof Element e) children.add(e);
        return children;
    }

    private static List<Element> descendants(Element root) {
        List<Element> all = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) all.add((Element) nodes.item(i));
        return all;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a well-formed plugin descriptor: " + e.getMessage(), e);
        }
    }
}
