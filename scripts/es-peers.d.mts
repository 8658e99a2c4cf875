import type { Plugin } from 'esbuild'
export declare const esPeers: (root: string) => Plugin
