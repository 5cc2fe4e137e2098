package io.switchboard.adapters.http.problem;

import static akka.http.javadsl.server.Directives.complete;

import akka.http.javadsl.model.HttpMethod;
import akka.http.javadsl.model.headers.Allow;
import akka.http.javadsl.model.headers.WWWAuthenticate;
import akka.http.javadsl.server.AuthenticationFailedRejection;
import akka.http.javadsl.server.MalformedRequestContentRejection;
import akka.http.javadsl.server.MethodRejection;
import akka.http.javadsl.server.RejectionHandler;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.server.UnsupportedRequestContentTypeRejection;
import akka.http.javadsl.server.ValidationRejection;
import akka.http.scaladsl.model.EntityStreamSizeException;
import java.util.List;
import java.util.stream.Collectors;

/** Answers every rejection with a problem; what it does not know itself, Akka's default handler words. */
public final class ProblemRejectionHandler {

    private ProblemRejectionHandler() {}

    public static RejectionHandler create(ProblemRenderer problems) {
        return RejectionHandler.newBuilder()
                .handle(
                        AuthenticationFailedRejection.class,
                        rejection -> complete(problems.render(
                                // The challenge header is what makes Bandwidth resend with credentials.
                                Problem.of(ProblemType.UNAUTHORIZED, "Valid HTTP Basic credentials are required"),
                                WWWAuthenticate.create(rejection.challenge()))))
                .handleAll(MethodRejection.class, rejections -> methodNotAllowed(problems, rejections))
                .handleAll(
                        UnsupportedRequestContentTypeRejection.class,
                        rejections -> complete(problems.render(Problem.of(
                                ProblemType.UNSUPPORTED_MEDIA_TYPE, "Webhook bodies must be application/json"))))
                .handle(MalformedRequestContentRejection.class, rejection -> malformedContent(problems, rejection))
                .handle(
                        ValidationRejection.class,
                        rejection ->
                                complete(problems.render(Problem.of(ProblemType.INVALID_PAYLOAD, rejection.message()))))
                .handleNotFound(complete(problems.render(Problem.of(ProblemType.NOT_FOUND, "No such resource"))))
                .build()
                .withFallback(RejectionHandler.defaultHandler().mapRejectionResponse(problems::asProblem));
    }

    private static Route methodNotAllowed(ProblemRenderer problems, List<MethodRejection> rejections) {
        List<HttpMethod> allowed =
                rejections.stream().map(MethodRejection::supported).distinct().toList();
        String names = allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        return complete(problems.render(
                Problem.of(ProblemType.METHOD_NOT_ALLOWED, "Allowed: " + names),
                Allow.create(allowed.toArray(HttpMethod[]::new))));
    }

    private static Route malformedContent(ProblemRenderer problems, MalformedRequestContentRejection rejection) {
        if (rejection.getCause() instanceof EntityStreamSizeException tooLarge) {
            return complete(problems.render(ProblemExceptionHandler.payloadTooLarge(tooLarge)));
        }
        return complete(problems.render(Problem.of(ProblemType.INVALID_PAYLOAD, rejection.message())));
    }
}
