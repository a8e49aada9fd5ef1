/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM modules are loaded by Node at run time, not bundled.
  serverExternalPackages: ["highs", "better-sqlite3", "argon2", "tsx"],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
};

module.exports = nextConfig;
