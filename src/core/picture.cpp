#include "core/picture.hpp"

namespace laurel::core {
namespace {

std::uint32_t byte(std::string_view b, std::size_t i) {
  return static_cast<unsigned char>(b[i]);
}
std::uint32_t big16(std::string_view b, std::size_t i) {
  return byte(b, i) << 8 | byte(b, i + 1);
}
std::uint32_t big32(std::string_view b, std::size_t i) {
  return big16(b, i) << 16 | big16(b, i + 2);
}
std::uint32_t little16(std::string_view b, std::size_t i) {
  return byte(b, i) | byte(b, i + 1) << 8;
}
std::uint32_t little24(std::string_view b, std::size_t i) {
  return little16(b, i) | byte(b, i + 2) << 16;
}

std::optional<PictureInfo> sized(std::string_view type, std::uint32_t w, std::uint32_t h) {
  if (w == 0 || h == 0) return std::nullopt;
  return PictureInfo{type, w, h};
}

// The signature, then the IHDR chunk first: length 13, "IHDR", width, height.
std::optional<PictureInfo> png(std::string_view b) {
  if (b.size() < 33 || b.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8) ||
      big32(b, 8) != 13 || b.substr(12, 4) != "IHDR") {
    return std::nullopt;
  }
  return sized("image/png", big32(b, 16), big32(b, 20));
}

// Markers from SOI on, to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC), whose
// segment holds precision, height and width.
std::optional<PictureInfo> jpeg(std::string_view b) {
  if (b.size() < 4 || byte(b, 0) != 0xFF || byte(b, 1) != 0xD8) return std::nullopt;
  std::size_t i = 2;
  while (i + 4 <= b.size()) {
    if (byte(b, i) != 0xFF) return std::nullopt;
    const auto marker = byte(b, i + 1);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      i += 2;  // markers without a length
      continue;
    }
    const auto length = big16(b, i + 2);
    if (length < 2) return std::nullopt;
    const bool frame =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      if (i + 9 > b.size()) return std::nullopt;
      return sized("image/jpeg", big16(b, i + 7), big16(b, i + 5));
    }
    if (marker == 0xDA || marker == 0xD9) return std::nullopt;  // image data before any frame
    i += 2 + length;
  }
  return std::nullopt;
}

// RIFF container, "WEBP", then the first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended).
std::optional<PictureInfo> webp(std::string_view b) {
  if (b.size() < 30 || b.substr(0, 4) != "RIFF" || b.substr(8, 4) != "WEBP") return std::nullopt;
  const auto chunk = b.substr(12, 4);
  if (chunk == "VP8 ") {
    if (b.substr(23, 3) != std::string_view("\x9d\x01\x2a", 3)) return std::nullopt;
    return sized("image/webp", little16(b, 26) & 0x3FFF, little16(b, 28) & 0x3FFF);
  }
  if (chunk == "VP8L") {
    if (byte(b, 20) != 0x2F) return std::nullopt;
    const std::uint32_t bits =
        byte(b, 21) | byte(b, 22) << 8 | byte(b, 23) << 16 | byte(b, 24) << 24;
    return sized("image/webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  if (chunk == "VP8X") return sized("image/webp", little24(b, 24) + 1, little24(b, 27) + 1);
  return std::nullopt;
}

}  // namespace

std::optional<PictureInfo> sniff_picture(std::string_view bytes) {
  if (auto p = png(bytes)) return p;
  if (auto j = jpeg(bytes)) return j;
  return webp(bytes);
}

}  // namespace laurel::core
