import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The console serves one operator team; a powered-by header only helps scanners.
  poweredByHeader: false,
  reactStrictMode: true,
  // Vigil runs offline on cluster hosts: never reach out for telemetry or remote images.
  images: { unoptimized: true },
  // Several builds share one checkout (the e2e suite, the demo, engineers' own runs): the e2e suite
  // builds into its own directory so another build cannot delete the one it is serving.
  distDir: process.env.VIGIL_NEXT_DIST_DIR || ".next",
};

export default nextConfig;
