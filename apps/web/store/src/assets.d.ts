// Vite bundles CSS imported by a module into a hashed stylesheet.
declare module '*.css';
