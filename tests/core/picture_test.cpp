// Pictures judged by their bytes: the three kinds with their sizes, and what only looks like one.

#include "core/picture.hpp"

#include <gtest/gtest.h>

#include <string>

namespace laurel::core {
namespace {

using namespace std::string_literals;

std::string png(std::uint32_t w, std::uint32_t h) {
  std::string b = "\x89PNG\r\n\x1a\n"s + "\0\0\0\x0d"s + "IHDR";
  for (auto v : {w, h}) {
    for (int shift : {24, 16, 8, 0})
      b.push_back(static_cast<char>((v >> shift) & 0xFF));
  }
  return b + "\x08\x06\0\0\0"s + "crc!" + "\0\0\0\0IEND"s;
}

TEST(PictureTest, PngGivesItsSizeFromIhdr) {
  auto info = sniff_picture(png(1920, 1080));
  ASSERT_TRUE(info);
  EXPECT_EQ(info->media_type, "image/png");
  EXPECT_EQ(info->width, 1920u);
  EXPECT_EQ(info->height, 1080u);
}

TEST(PictureTest, JpegGivesItsSizeFromTheFirstFrame) {
  // SOI, an APP0 segment, a DQT-less SOF0: 0x11 long, precision 8, height 0x0258, width 0x0320.
  const std::string jpeg =
      "\xFF\xD8"s + "\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"s +
      "\xFF\xC0\x00\x11\x08\x02\x58\x03\x20\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"s + "\xFF\xD9"s;
  auto info = sniff_picture(jpeg);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->media_type, "image/jpeg");
  EXPECT_EQ(info->width, 800u);
  EXPECT_EQ(info->height, 600u);
}

TEST(PictureTest, WebpInItsThreeForms) {
  const std::string riff = "RIFF\x24\0\0\0WEBP"s;
  // Lossy: frame tag, start code, 14-bit width and height (little-endian).
  auto lossy = sniff_picture(riff + "VP8 \x18\0\0\0"s + "\x30\x01\x00"s + "\x9d\x01\x2a"s +
                             "\x40\x01\xf0\x00"s + std::string(8, '\0'));
  ASSERT_TRUE(lossy);
  EXPECT_EQ(lossy->width, 320u);
  EXPECT_EQ(lossy->height, 240u);
  // Lossless: signature 0x2f, then width−1 and height−1 in 14 bits each: 100 × 50.
  const std::uint32_t bits = (100 - 1) | (50 - 1) << 14;
  std::string lossless = riff + "VP8L\x10\0\0\0\x2f"s;
  for (int shift : {0, 8, 16, 24})
    lossless.push_back(static_cast<char>((bits >> shift) & 0xFF));
  auto l = sniff_picture(lossless + std::string(8, '\0'));
  ASSERT_TRUE(l);
  EXPECT_EQ(l->width, 100u);
  EXPECT_EQ(l->height, 50u);
  // Extended: canvas width−1 and height−1 in 24 bits each: 1080 × 1920.
  auto x = sniff_picture(riff + "VP8X\x0a\0\0\0"s + "\x10\0\0\0"s + "\x37\x04\x00"s +
                         "\x7f\x07\x00"s + std::string(4, '\0'));
  ASSERT_TRUE(x);
  EXPECT_EQ(x->media_type, "image/webp");
  EXPECT_EQ(x->width, 1080u);
  EXPECT_EQ(x->height, 1920u);
}

TEST(PictureTest, WhatOnlyLooksLikeAPictureIsNone) {
  EXPECT_FALSE(sniff_picture(""));
  EXPECT_FALSE(sniff_picture("hello, I am a text file called poster.png"));
  EXPECT_FALSE(sniff_picture(png(10, 10).substr(0, 20))) << "truncated before its size";
  EXPECT_FALSE(sniff_picture(png(0, 10))) << "no pixels";
  EXPECT_FALSE(sniff_picture("GIF89a\x01\x00\x01\x00"s + std::string(30, '\0')))
      << "GIF: not taken";
  EXPECT_FALSE(sniff_picture("\xFF\xD8\xFF\xDA\x00\x08"s + std::string(20, '\0')))
      << "JPEG data with no frame header";
  EXPECT_FALSE(sniff_picture("RIFF\x24\0\0\0WAVEfmt "s + std::string(30, '\0'))) << "a WAV file";
}

}  // namespace
}  // namespace laurel::core
