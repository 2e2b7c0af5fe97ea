// Placeholder until the real-editor work lands.
console.log('e2e: not written yet');
