"""How the API reports failures: always JSON, always with a message and the right status.

Every error body has the shape ``{"detail": str, "code": str}``, plus ``"errors"`` (field name to
messages) on a 400. The exception handler maps what DRF does not: Django's ``ValidationError``
from a service (400, or 409 when it is about a duplicate), ``IntegrityError`` (409 for a unique
violation), and ``RequestDataTooBig`` (413). The schema hook documents those responses on every
operation, so clients (and the schemathesis run) know to expect them.
"""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

UNIQUE_CODES = {"unique", "unique_together", "unique_constraint"}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "This would duplicate an existing record."
    default_code = "conflict"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


def _is_unique_violation(error: IntegrityError) -> bool:
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) == "23505":  # PostgreSQL unique_violation
        return True
    return "UNIQUE constraint failed" in str(error)  # SQLite


def _from_django_validation_error(error: DjangoValidationError) -> exceptions.APIException:
    if hasattr(error, "error_dict"):
        errors = error.message_dict
        codes = {e.code for errors_ in error.error_dict.values() for e in errors_}
    else:
        errors = {"non_field_errors": error.messages}
        codes = {e.code for e in error.error_list}
    message = " ".join(m for messages in errors.values() for m in messages)
    if codes & UNIQUE_CODES:
        return Conflict(message)
    api_error = exceptions.ValidationError(errors)
    api_error.message = message  # type: ignore[attr-defined]
    return api_error


def _flatten(errors: Any, prefix: str = "") -> list[str]:  # noqa: ANN401 - DRF error detail
    """["speaker: Object with slug=x does not exist.", "stances.0.issue: ..."]."""
    if isinstance(errors, dict):
        return [
            line
            for key, value in errors.items()
            for line in _flatten(value, f"{prefix}.{key}" if prefix else str(key))
        ]
    if isinstance(errors, list):
        if all(isinstance(e, str) for e in errors):
            return [
                f"{prefix}: {e}" if prefix and prefix != "non_field_errors" else str(e)
                for e in errors
            ]
        return [line for i, e in enumerate(errors) for line in _flatten(e, f"{prefix}.{i}")]
    return [f"{prefix}: {errors}" if prefix else str(errors)]


def _message(exc: exceptions.APIException) -> str:
    detail = exc.detail
    if isinstance(detail, str):
        return str(detail)
    explicit = getattr(exc, "message", "")
    if explicit:
        return explicit
    return "Invalid input. " + " ".join(_flatten(detail))


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, extended to Django's and the database's errors, with one error shape."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    elif isinstance(exc, DjangoValidationError):
        exc = _from_django_validation_error(exc)
    elif isinstance(exc, IntegrityError):
        if _is_unique_violation(exc):
            exc = Conflict()
        else:
            exc = exceptions.ValidationError(
                {"non_field_errors": ["The data breaks a rule of the database."]}
            )
            exc.message = "The data breaks a rule of the database; check the values sent."  # type: ignore[attr-defined]
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge(
            f"The request body is larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes; "
            "send less at a time."
        )

    if not isinstance(exc, exceptions.APIException):
        return None  # a bug: let it reach the logs and the 500 page
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a bug: let it reach the logs and the 500 page
    body: dict[str, Any] = {"detail": _message(exc), "code": _code(exc)}
    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail
        body["errors"] = errors if isinstance(errors, dict) else {"non_field_errors": errors}
    response.data = _printable(body)
    set_rollback()
    return response


def _printable(value: Any) -> Any:  # noqa: ANN401 - JSON-like data
    """The error body with lone surrogates (from JSON escapes, echoed by messages such as
    '"\\ud800" is not a valid choice.') replaced, as UTF-8 cannot encode them."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, dict):
        return {_printable(k): _printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value


def _code(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    if isinstance(codes, str):
        return codes
    return exc.default_code


class LimitedJSONParser(JSONParser):
    """JSON, refused with 413 beyond ``DATA_UPLOAD_MAX_MEMORY_SIZE``.

    DRF's JSONParser reads the raw stream, which skips the limit Django applies to
    ``request.body``; this parser applies it to the declared length and to what is read.
    """

    def parse(
        self,
        stream: Any,  # noqa: ANN401 - DRF passes a request or a BytesIO
        media_type: str | None = None,
        parser_context: dict[str, Any] | None = None,
    ) -> Any:  # noqa: ANN401 - parsed JSON
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        request = (parser_context or {}).get("request")
        if limit is not None and request is not None:
            try:
                declared = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                declared = 0
            if declared > limit:
                raise RequestDataTooBig("Request body exceeded DATA_UPLOAD_MAX_MEMORY_SIZE.")
        if limit is not None and stream is not None:
            body = stream.read(limit + 1)
            if len(body) > limit:
                raise RequestDataTooBig("Request body exceeded DATA_UPLOAD_MAX_MEMORY_SIZE.")
            stream = io.BytesIO(body)
        return super().parse(stream, media_type, parser_context)


# --- OpenAPI --------------------------------------------------------------------------------

ERROR_SCHEMA = {
    "type": "object",
    "description": "An error: what failed and what to do next.",
    "properties": {
        "detail": {"type": "string", "description": "A message for people."},
        "code": {"type": "string", "description": "A stable code for programs."},
        "errors": {
            "type": "object",
            "description": "On a 400: each field's messages (nested for nested input).",
            "additionalProperties": {},
        },
    },
    "required": ["detail", "code"],
}

_ERRORS = {
    "400": "The input is not valid: see `errors` for each field.",
    "401": "No valid credentials were given (token or session).",
    "403": "The credentials are valid but lack the permission this needs.",
    "404": "Nothing exists at this address (or it is not visible to you), or the cursor is "
    "not valid.",
    "409": "The write would duplicate an existing record.",
    "413": "The request body is too large.",
    "415": "The body must be JSON.",
    "429": "Too many requests: wait the number of seconds in Retry-After.",
}


def add_error_responses(
    result: dict[str, Any],
    generator: Any,  # noqa: ANN401 - drf-spectacular's hook signature
    request: Any,  # noqa: ANN401
    public: bool,  # noqa: FBT001
) -> dict[str, Any]:
    """Spectacular post-processing hook: document the error responses every operation can give."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    ref = {"$ref": "#/components/schemas/Error"}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            # 404 everywhere: an unknown slug or id, and on lists a forged or stale cursor.
            codes = ["400", "401", "403", "404", "429"]
            if method in {"post", "put", "patch"}:
                codes += ["409", "413", "415"]
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(
                    code,
                    {
                        "description": _ERRORS[code],
                        "content": {"application/json": {"schema": ref}},
                    },
                )
    return result
