import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "./_lib/trpc";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sunshift", template: "%s · Sunshift" },
  description: "Workforce planning for follow-the-sun support teams",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
