/**
 * The k smallest slots of a section (in the index's order: due day, then path) in a bounded max-heap, and the section's
 * full count. A section of 50,000 notes asked for 100 rows costs 50,000 offers, not a 50,000-item sort.
 */
export class TopK {
	count = 0;
	private readonly heap: number[] = [];

	constructor(
		private readonly compare: (a: number, b: number) => number,
		private readonly limit = Infinity,
	) {}

	offer(slot: number): void {
		this.count++;
		const heap = this.heap;
		if (heap.length < this.limit) {
			heap.push(slot);
			this.siftUp(heap.length - 1);
		} else if (this.limit > 0 && this.compare(slot, heap[0]!) < 0) {
			heap[0] = slot;
			this.siftDown(0);
		}
	}

	/** The kept slots, smallest first. */
	sorted(): number[] {
		return [...this.heap].sort(this.compare);
	}

	private siftUp(at: number): void {
		const heap = this.heap;
		while (at > 0) {
			const parent = (at - 1) >> 1;
			if (this.compare(heap[at]!, heap[parent]!) <= 0) return;
			[heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
			at = parent;
		}
	}

	private siftDown(at: number): void {
		const heap = this.heap;
		for (;;) {
			const left = 2 * at + 1;
			const right = left + 1;
			let largest = at;
			if (left < heap.length && this.compare(heap[left]!, heap[largest]!) > 0) largest = left;
			if (right < heap.length && this.compare(heap[right]!, heap[largest]!) > 0) largest = right;
			if (largest === at) return;
			[heap[at], heap[largest]] = [heap[largest]!, heap[at]!];
			at = largest;
		}
	}
}
