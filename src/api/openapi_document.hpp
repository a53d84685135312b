#pragma once
// The API document (docs/openapi.json, OpenAPI 3.1), compiled into the binary and served at
// /api/v1/openapi.json. It is written by hand, with the schemas of every request and response;
// tests check that it names exactly the router's routes and that real responses match it.

#include <string_view>

namespace laurel::api {

std::string_view openapi_document();

}  // namespace laurel::api
