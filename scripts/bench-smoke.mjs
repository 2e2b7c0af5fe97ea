// Placeholder until the performance work lands: the smoke benchmark is not written yet.
console.log('bench smoke: not written yet');
