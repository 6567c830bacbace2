package dev.unifiedcrm.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The build's modules as the parent POM lists them, each by the root package it declares. */
final class BuildModules {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern MODULE_NAME = Pattern.compile("<automatic\\.module\\.name>([^<]+)</automatic\\.module\\.name>");

    private BuildModules() {
    }

    /**
     * The {@code automatic.module.name} of every module in the parent's default {@code <modules>}
     * (profiles' modules, such as the benchmarks, are not part of it); modules without one (the BOM) are left out.
     */
    static List<String> rootPackages(Path buildRoot) throws IOException {
        String parent = Files.readString(buildRoot.resolve("pom.xml"));
        String modules = parent.substring(parent.indexOf("<modules>"), parent.indexOf("</modules>"));
        var names = new ArrayList<String>();
        Matcher module = MODULE.matcher(modules);
        while (module.find()) {
            Matcher name = MODULE_NAME.matcher(Files.readString(buildRoot.resolve(module.group(1).trim()).resolve("pom.xml")));
            if (name.find()) {
                names.add(name.group(1).trim());
            }
        }
        return names;
    }
}
