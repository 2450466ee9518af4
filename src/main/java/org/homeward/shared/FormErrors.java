package org.homeward.shared;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/**
 * Puts a service's refusal onto the form that caused it, so the page shows it in the error summary and, where the
 * form has that field, beside the field.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void add(BindingResult form, RuntimeException refusal) {
        if (refusal instanceof InvalidInputException invalid && form.getTarget() != null
                && new BeanWrapperImpl(form.getTarget()).isReadableProperty(invalid.field())) {
            form.rejectValue(invalid.field(), "invalid", invalid.getMessage());
        } else {
            form.reject("refused", refusal.getMessage());
        }
    }
}
