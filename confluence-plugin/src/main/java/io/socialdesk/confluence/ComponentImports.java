package io.socialdesk.confluence;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.templaterenderer.TemplateRenderer;

/** Every host service the plugin imports, in one place; beans take them as {@code @Inject} parameters. */
@SuppressWarnings("unused")
final class ComponentImports {
    @ComponentImport private PluginSettingsFactory pluginSettingsFactory;
    @ComponentImport private TemplateRenderer templateRenderer;

    private ComponentImports() {}
}
