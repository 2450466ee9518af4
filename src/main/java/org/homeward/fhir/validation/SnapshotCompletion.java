package org.homeward.fhir.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Completes a generated snapshot where HAPI's snapshot generator leaves a named slice without what the profile
 * says for every slice. FHIR's profiling rule: constraints on the unsliced element apply to all its slices.
 *
 * <p>The case met in UK Core STU2: {@code UKCore-Observation-VitalSigns-BloodPressure} fixes
 * {@code Observation.component.code.coding:loinc.system} to LOINC and {@code :snomedCT.system} to SNOMED CT on the
 * unsliced {@code component}, then re-slices {@code component:SystolicBP.code.coding} (and DiastolicBP) into
 * {@code loinc} and {@code snomedCT} without restating the systems. The generated snapshot gives those re-slices no
 * fixed system (and the {@code snomedCT} re-slice no children at all), so the validator cannot tell the codings apart
 * and reports {@code Slicing cannot be evaluated} for every blood pressure, the published example included. This
 * copies onto such an element the fixed or pattern value of its counterpart under the unsliced element
 * ({@code component:SystolicBP.code.coding:loinc.system} takes the one of {@code component.code.coding:loinc.system})
 * and gives a childless slice the children of its counterpart. It only adds what the unsliced element already
 * requires, so it can make validation stricter, never looser.
 */
final class SnapshotCompletion {

    private SnapshotCompletion() {
    }

    /** Completes {@code profile}'s snapshot in place and returns how many elements it changed or added. */
    static int inheritUnslicedConstraints(StructureDefinition profile) {
        List<ElementDefinition> elements = profile.getSnapshot().getElement();
        Map<String, ElementDefinition> byId = new HashMap<>();
        elements.forEach(element -> byId.put(element.getId(), element));
        List<ElementDefinition> completed = new ArrayList<>(elements.size());
        int changed = 0;
        for (int i = 0; i < elements.size(); i++) {
            ElementDefinition element = elements.get(i);
            completed.add(element);
            String unslicedId = withoutOuterSlice(element.getId());
            ElementDefinition counterpart = unslicedId == null ? null : byId.get(unslicedId);
            if (counterpart == null) {
                continue;
            }
            if (!element.hasFixed() && !element.hasPattern() && (counterpart.hasFixed() || counterpart.hasPattern())) {
                element.setFixed(counterpart.hasFixed() ? counterpart.getFixed().copy() : null);
                element.setPattern(counterpart.hasPattern() ? counterpart.getPattern().copy() : null);
                changed++;
            }
            boolean hasChildren = i + 1 < elements.size()
                    && elements.get(i + 1).getId().startsWith(element.getId() + ".");
            if (element.hasSliceName() && !hasChildren) {
                for (ElementDefinition child : elements) {
                    if (child.getId().startsWith(unslicedId + ".")) {
                        ElementDefinition copy = child.copy();
                        copy.setId(element.getId() + child.getId().substring(unslicedId.length()));
                        completed.add(copy);
                        changed++;
                    }
                }
            }
        }
        if (changed > 0) {
            profile.getSnapshot().setElement(completed);
        }
        return changed;
    }

    /**
     * The id with its outermost slice name removed when something follows that slice ({@code
     * Observation.component:SystolicBP.code.coding:loinc.system} to {@code Observation.component.code.coding:loinc.system}),
     * else {@code null}.
     */
    static String withoutOuterSlice(String id) {
        if (id == null) {
            return null;
        }
        int colon = id.indexOf(':');
        if (colon < 0) {
            return null;
        }
        int end = id.indexOf('.', colon);
        if (end < 0) {
            return null;
        }
        return id.substring(0, colon) + id.substring(end);
    }
}
