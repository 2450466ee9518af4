package org.homeward.referral.web;

/** One radio of a form: the value it sends and the words beside it. */
public record Choice(String value, String label) {
}
