package io.switchboard.domain.verb;

import io.switchboard.domain.common.WireValue;

/** A text-to-speech voice of {@link SpeakSentence}; naming one overrides gender and locale. */
public enum Voice implements WireValue {
    JULIE("julie"),
    KATE("kate"),
    SUSAN("susan"),
    DAVE("dave"),
    PAUL("paul"),
    BRIDGET("bridget"),
    SIMON("simon"),
    KATRIN("katrin"),
    STEFAN("stefan"),
    ESPERANZA("esperanza"),
    VIOLETA("violeta"),
    JORGE("jorge"),
    ROSA("rosa"),
    JOLIE("jolie"),
    BERNARD("bernard"),
    PAOLA("paola"),
    LUCA("luca"),
    MASAKO("masako"),
    KENJI("kenji"),
    NADIYA("nadiya"),
    ANATOLI("anatoli"),
    ZEINA("zeina"),
    ZHIYU("zhiyu"),
    RUTH("ruth"),
    STEPHEN("stephen"),
    LUPE("lupe"),
    PEDRO("pedro"),
    GABRIELLE("gabrielle"),
    LIAM("liam");

    private final String wireName;

    Voice(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
