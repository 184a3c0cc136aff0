package io.cryptotalks.gateway.secondfactor;

/** What a second-factor check or an SMS code is for; a code issued for one purpose is useless for another. */
public enum Purpose {
    SIGN_IN,
    SET_PHONE,
    REMOVE_PHONE,
    CHANGE_EMAIL,
    CHANGE_PASSWORD,
    CLOSE_ACCOUNT,
    RESET_PASSWORD,
    DELETE_POST
}
