/** Faults the control surface switches on for tests (README: "Control surface"). */
export class Faults {
  maintenance = false;
  /** Execute the next order placement, then destroy its HTTP response instead of answering. */
  dropNextOrderResponse = false;

  reset(): void {
    this.maintenance = false;
    this.dropNextOrderResponse = false;
  }
}
