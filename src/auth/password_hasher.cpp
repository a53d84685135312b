#include "auth/password_hasher.hpp"

#include <sodium.h>

#include <stdexcept>

namespace laurel::auth {
namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

PasswordHasher::PasswordHasher(Argon2Cost cost) : cost_(cost) {
  ensure_sodium();
  dummy_hash_ = hash("laurel-dummy-password").value();
}

core::Result<std::string> PasswordHasher::hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost_.opslimit,
                            cost_.memlimit_kib * 1024, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return core::Error::internal("argon2id ran out of memory hashing a password");
  }
  return std::string(out);
}

bool PasswordHasher::verify(std::string_view stored_hash, std::string_view password) const {
  const std::string hash(stored_hash);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(std::string_view stored_hash) const {
  const std::string hash(stored_hash);
  return crypto_pwhash_str_needs_rehash(hash.c_str(), cost_.opslimit, cost_.memlimit_kib * 1024) !=
         0;
}

void PasswordHasher::verify_dummy(std::string_view password) const {
  (void)verify(dummy_hash_, password);
}

}  // namespace laurel::auth
