#pragma once
// A file compiled into the binary (SQL migrations, the API document); see cmake/EmbedFiles.cmake.

#include <string_view>

namespace laurel {

struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};

}  // namespace laurel
