package io.switchboard.application.serialization;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceEvent;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.control.CallControlRequest;
import io.switchboard.domain.entity.EntityState;
import io.switchboard.domain.verb.Prompt;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.TransferTarget;
import io.switchboard.domain.verb.Verb;
import java.util.ArrayList;
import java.util.List;

/**
 * Teaches Akka's Jackson serializer the domain's polymorphic types without a single Jackson annotation in the
 * domain: mix-ins put the type information on the sealed interfaces, and every concrete record they permit is
 * registered under its simple name (never its class name, which would let a peer name any class).
 *
 * <p>Akka creates this module by reflection from {@code akka.serialization.jackson.jackson-modules}, so it
 * needs its public no-argument constructor.
 */
public final class SwitchboardJacksonModule extends SimpleModule {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
    private interface Polymorphic {}

    /** {@code isEmpty()} looks like a property to Jackson; it is derived from the verbs. */
    @JsonIgnoreProperties({"empty"})
    private interface ResponseMixIn {}

    public SwitchboardJacksonModule() {
        super("SwitchboardJacksonModule");
        for (Class<?> polymorphic : List.of(
                VoiceEvent.class,
                CallEvent.class,
                ConferenceEvent.class,
                Verb.class,
                Prompt.class,
                TransferTarget.class,
                EntityState.class,
                CallControlRequest.class)) {
            setMixInAnnotation(polymorphic, Polymorphic.class);
        }
        setMixInAnnotation(Response.class, ResponseMixIn.class);
        registerSubtypes(concreteTypes(CallEvent.class));
        registerSubtypes(concreteTypes(ConferenceEvent.class));
        registerSubtypes(concreteTypes(Verb.class));
        registerSubtypes(concreteTypes(TransferTarget.class));
        registerSubtypes(concreteTypes(CallControlRequest.class));
        // Not sealed (its two kinds live in other packages), so named one by one.
        registerSubtypes(
                new NamedType(CallState.class, "CallState"), new NamedType(ConferenceState.class, "ConferenceState"));
    }

    /** Every record below {@code sealed}, however deep the sealed hierarchy, named by its simple name. */
    static NamedType[] concreteTypes(Class<?> sealed) {
        List<NamedType> found = new ArrayList<>();
        collect(sealed, found);
        return found.toArray(NamedType[]::new);
    }

    private static void collect(Class<?> type, List<NamedType> found) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collect(permitted, found);
            }
        } else if (!type.isInterface()) {
            found.add(new NamedType(type, type.getSimpleName()));
        }
    }
}
