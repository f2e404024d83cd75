package com.backcare.journal.domain;

import java.util.List;
import java.util.Optional;

/** The questionnaires the journal offers (a port: where their definitions come from is persistence's business). */
public interface Instruments {

    List<Instrument> all();

    Optional<Instrument> byId(String id);
}
