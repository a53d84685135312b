#pragma once
// What a picture is, judged by its bytes and never by the name or type it was sent with: PNG,
// JPEG or WebP, with the width and height its header gives. Bytes that start like one of them
// but do not carry a readable header (a truncated file, a text file renamed .png) are not a
// picture.

#include <cstdint>
#include <optional>
#include <string_view>

namespace laurel::core {

struct PictureInfo {
  std::string_view media_type;  // "image/png", "image/jpeg", "image/webp"
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};

std::optional<PictureInfo> sniff_picture(std::string_view bytes);

}  // namespace laurel::core
