package io.fleetlab.simulator.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What a result came from, so a file found later still says how to make it again.
 *
 * @param toolVersion  the fleetlab version that wrote it
 * @param commandLine  the arguments the command was given, as given
 * @param options      every option's effective value (defaults included), by option name
 * @param variant      the varied field and its value in this run ({@code --vary}), empty otherwise
 * @param scenarioFile the scenario file, as named on the command line
 * @param scenario     the scenario as run: every default filled in, the variant applied
 */
public record RunContext(String toolVersion, List<String> commandLine, Map<String, String> options,
        Map<String, String> variant, String scenarioFile, JsonNode scenario) {}
