#include "api/openapi_document.hpp"

#include <span>

#include "core/embedded_file.hpp"

namespace laurel::api {

std::span<const EmbeddedFile> embedded_openapi();  // generated from docs/openapi.json

std::string_view openapi_document() {
  return embedded_openapi().front().content;
}

}  // namespace laurel::api
