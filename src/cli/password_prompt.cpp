#include "cli/password_prompt.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace laurel::cli {
namespace {

std::optional<std::string> read_line_hidden(const char* prompt) {
  std::cerr << prompt << std::flush;
  termios old_settings{};
  tcgetattr(STDIN_FILENO, &old_settings);
  termios hidden = old_settings;
  hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &hidden);
  std::string line;
  const bool ok = static_cast<bool>(std::getline(std::cin, line));
  tcsetattr(STDIN_FILENO, TCSANOW, &old_settings);
  std::cerr << "\n";
  if (!ok) return std::nullopt;
  return line;
}

}  // namespace

std::optional<std::string> read_new_password() {
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  auto first = read_line_hidden("New password: ");
  if (!first) return std::nullopt;
  auto second = read_line_hidden("Repeat it: ");
  if (!second || *first != *second) {
    std::cerr << "laurel: the two passwords differ\n";
    return std::nullopt;
  }
  return first;
}

}  // namespace laurel::cli
