import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The console serves one operator team; a powered-by header only helps scanners.
  poweredByHeader: false,
  reactStrictMode: true,
  // Vigil runs offline on cluster hosts: never reach out for telemetry or remote images.
  images: { unoptimized: true },
};

export default nextConfig;
